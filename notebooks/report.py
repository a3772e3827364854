#!/usr/bin/env python3
"""Write the core fslsim charts of a results folder as static PNG and SVG files, without Jupyter.

    python3 notebooks/report.py RESULTS_DIR [--out DIR] [--format png --format svg] [--dpi 120]

RESULTS_DIR is a folder written by `fslsim run` / `fslsim compare` (replications.csv and
summary.csv at least). --out defaults to RESULTS_DIR/report. Always written:
sla_vs_cost, sla_by_tier, cost_breakdown, backorder_wait, fill_sla_by_location,
fill_sla_by_country; also paired_differences when paired.csv exists and backorders_open when
timeseries.csv exists. Exits 2 with a message when RESULTS_DIR lacks replications.csv/summary.csv.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # before pyplot is imported: no display needed

sys.path.insert(0, str(Path(__file__).resolve().parent))
import fslsim_plots as fp  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Write the core fslsim charts of a results folder as PNG and SVG.")
    ap.add_argument("results_dir", metavar="RESULTS_DIR")
    ap.add_argument("--out", metavar="DIR", help="output folder (default: RESULTS_DIR/report)")
    ap.add_argument("--format", dest="formats", action="append", choices=["png", "svg", "pdf"],
                    help="file format, repeatable (default: png and svg)")
    ap.add_argument("--dpi", type=int, default=120)
    a = ap.parse_args(argv)
    try:
        res = fp.load_results(a.results_dir)
    except fp.ResultsError as e:
        print(f"report.py: error: {e}", file=sys.stderr)
        return 2
    out = Path(a.out) if a.out else Path(a.results_dir) / "report"
    written, notes = fp.write_report(res, out, formats=tuple(a.formats or ("png", "svg")), dpi=a.dpi)
    print(res.describe())
    for n in notes:
        print(f"note: {n}")
    print(f"report.py: wrote {len(written)} files to {out}")
    for p in written:
        print(f"  {p.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
