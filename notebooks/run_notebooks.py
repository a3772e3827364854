#!/usr/bin/env python3
"""Execute the analyst notebooks headless on a results folder, as CI does.

    python3 notebooks/run_notebooks.py RESULTS_DIR [NOTEBOOK.ipynb ...] [--timeout 600]
                                       [--save-executed DIR]

Runs every notebooks/*.ipynb (or the ones named) with nbclient on the `python3` kernel, with
FSLSIM_RESULTS_DIR set to RESULTS_DIR (made absolute). Notebooks are executed in memory: the
committed .ipynb files are never written. --save-executed DIR writes the executed copies to DIR
instead (for looking at the outputs). Exits 1 naming the notebook and the cell on the first cell
error of each notebook, 2 on bad arguments.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

HERE = Path(__file__).resolve().parent


def failing_cell(nb):
    """(index, cell, error output) of the first code cell with an error output, else None."""
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                return i, cell, out
    return None


def run_one(path: Path, results_dir: Path, timeout: int, save_dir: Path | None) -> str | None:
    """Execute one notebook in memory; return None on success or an error description."""
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, kernel_name="python3", timeout=timeout, allow_errors=False,
                            resources={"metadata": {"path": str(path.parent)}})
    error = None
    try:
        client.execute()
    except (CellExecutionError, CellTimeoutError, DeadKernelError, RuntimeError) as e:
        found = failing_cell(nb)
        if found:
            i, cell, out = found
            first = next((l for l in cell.source.splitlines() if l.strip()), "")
            code_no = sum(1 for c in nb.cells[: i + 1] if c.cell_type == "code")
            error = (f"{path.name}: cell {i} (code cell {code_no}, starting {first!r}) raised "
                     f"{out.get('ename')}: {out.get('evalue')}")
        else:
            error = f"{path.name}: {type(e).__name__}: {str(e).strip().splitlines()[-1] if str(e).strip() else e!r}"
    if save_dir is not None:
        save_dir.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, save_dir / path.name)
    return error


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Execute the fslsim notebooks headless on a results folder.")
    ap.add_argument("results_dir", metavar="RESULTS_DIR")
    ap.add_argument("notebooks", nargs="*", metavar="NOTEBOOK", help="default: every notebooks/*.ipynb")
    ap.add_argument("--timeout", type=int, default=600, help="seconds per cell (default 600)")
    ap.add_argument("--save-executed", metavar="DIR", help="write executed copies here (never over the originals)")
    a = ap.parse_args(argv)

    results_dir = Path(a.results_dir).expanduser().resolve()
    missing = [f for f in ("replications.csv", "summary.csv") if not (results_dir / f).is_file()]
    if not results_dir.is_dir() or missing:
        print(f"run_notebooks.py: error: {results_dir} is not a results folder "
              f"(lacks {' and '.join(missing) if results_dir.is_dir() else 'everything: no such folder'})",
              file=sys.stderr)
        return 2
    paths = [Path(p).resolve() for p in a.notebooks] or sorted(HERE.glob("*.ipynb"))
    if not paths:
        print(f"run_notebooks.py: error: no notebooks found in {HERE}", file=sys.stderr)
        return 2
    save_dir = Path(a.save_executed).resolve() if a.save_executed else None
    if save_dir is not None and any(save_dir == p.parent for p in paths):
        print("run_notebooks.py: error: --save-executed must not be the notebooks' own folder", file=sys.stderr)
        return 2

    # the kernel inherits this environment
    os.environ["FSLSIM_RESULTS_DIR"] = str(results_dir)
    os.environ["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")

    failures = 0
    for path in paths:
        if not path.is_file():
            print(f"FAIL {path}: no such notebook")
            failures += 1
            continue
        t0 = time.monotonic()
        error = run_one(path, results_dir, a.timeout, save_dir)
        dt = time.monotonic() - t0
        if error:
            failures += 1
            print(f"FAIL {error} ({dt:.1f} s)")
        else:
            print(f"ok   {path.name} ({dt:.1f} s)")
    print(f"run_notebooks.py: {len(paths) - failures} notebook(s) ran, {failures} failed, on {results_dir}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
