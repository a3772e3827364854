"""Run fslsim shards on a Dask cluster and merge them: the same CSVs as one machine.

From a notebook, on a laptop (LocalCluster):

    from distributed import Client, LocalCluster
    from fslsim_dask import run_sharded
    with LocalCluster(n_workers=4, threads_per_worker=1, host="127.0.0.1",
                      dashboard_address="127.0.0.1:0") as cluster, Client(cluster) as client:
        merged = run_sharded(client, "run", "scenarios/demo.json", "out/demo", shards=8,
                             args=["--replications", "64"], fslsim="/path/to/fslsim")
    # pandas.read_csv(merged / "summary.csv")

On a Slurm cluster (dask-jobqueue; each Dask worker is a Slurm job):

    from dask_jobqueue import SLURMCluster
    cluster = SLURMCluster(cores=1, processes=1, memory="2GB", walltime="01:00:00")
    cluster.scale(jobs=16)
    client = Client(cluster)
    run_sharded(client, "compare", "/shared/scenario.json", "/shared/out", shards=32, ...)

Each shard is one task that runs the binary as a subprocess (`fslsim run|compare ... --shard k/n
--out OUT`), so the simulator runs exactly as on the command line, and a worker needs only the
binary (scripts/build-static.sh builds one without the Swift toolchain) and a filesystem shared
with the other workers and this process. A shard that exits non-zero raises ShardFailed with its
standard error; the run then fails as a whole, the other shards are cancelled and nothing is
merged. The merge (`fslsim merge`) runs here, in the calling process.

Command line (a LocalCluster on this machine, loopback only):

    python fslsim_dask.py --shards 4 --workers 2 --fslsim PATH run SCENARIO OUT -- [fslsim options]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Sequence

__all__ = ["ShardFailed", "run_shard", "run_sharded", "merge", "main"]


class ShardFailed(RuntimeError):
    """A shard's fslsim exited non-zero; carries its exit code and standard error."""

    def __init__(self, shard: str, returncode: int, stderr: str):
        self.shard, self.returncode, self.stderr = shard, returncode, stderr
        super().__init__(f"fslsim shard {shard} failed with exit code {returncode}:\n{stderr.strip()}")


def run_shard(argv: Sequence[str], shard: str, timeout: float | None = None) -> str:
    """Run one shard's command line on a worker; return the shard (k/n) or raise ShardFailed."""
    result = subprocess.run(list(argv), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, timeout=timeout, check=False)
    if result.returncode != 0:
        raise ShardFailed(shard, result.returncode, result.stderr)
    return shard


def _resolve_fslsim(fslsim: str | os.PathLike | None) -> str:
    path = str(fslsim) if fslsim else os.environ.get("FSLSIM") or shutil.which("fslsim")
    if not path:
        raise FileNotFoundError("no fslsim binary: pass fslsim=PATH, set FSLSIM or put fslsim on PATH")
    return os.path.abspath(path) if os.sep in path else path


def merge(fslsim: str | os.PathLike | None, out: str | os.PathLike, shards: int,
          merged: str | os.PathLike | None = None) -> Path:
    """Merge OUT/shard-0-of-n .. shard-(n-1)-of-n into MERGED (default OUT/merged)."""
    exe = _resolve_fslsim(fslsim)
    out = Path(out).absolute()
    merged = Path(merged).absolute() if merged else out / "merged"
    folders = [str(out / f"shard-{k}-of-{shards}") for k in range(shards)]
    result = subprocess.run([exe, "merge", *folders, "--out", str(merged)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"fslsim merge failed with exit code {result.returncode}:\n{result.stderr.strip()}")
    return merged


def run_sharded(client, command: str, scenario: str | os.PathLike, out: str | os.PathLike,
                shards: int, args: Sequence[str] = (), fslsim: str | os.PathLike | None = None,
                threads_per_shard: int = 1, merged: str | os.PathLike | None = None,
                timeout: float | None = None) -> Path:
    """Run `fslsim COMMAND SCENARIO ARGS --shard k/n --out OUT` for k in 0..<n on the client's
    workers, then merge; return the merged folder.

    Parameters: client, a distributed.Client; command, "run" or "compare"; scenario and out,
    paths every worker can reach (made absolute here); shards, n (at most the replications);
    args, further fslsim options (e.g. ["--replications", "64", "--seed", "7"]); fslsim, the
    binary (default $FSLSIM, else fslsim on PATH); threads_per_shard, fslsim's --threads;
    merged, the merged folder (default OUT/merged); timeout, seconds per shard.
    Raises ShardFailed if any shard fails (the others are cancelled; nothing is merged),
    RuntimeError if the merge fails.
    """
    if command not in ("run", "compare"):
        raise ValueError(f"command must be 'run' or 'compare', not {command!r}")
    if shards < 1:
        raise ValueError("shards must be at least 1")
    exe = _resolve_fslsim(fslsim)
    scenario = str(Path(scenario).absolute())
    out = Path(out).absolute()
    run_id = uuid.uuid4().hex[:8]
    futures = []
    for k in range(shards):
        shard = f"{k}/{shards}"
        argv = [exe, command, scenario, *args, "--shard", shard, "--out", str(out),
                "--threads", str(threads_per_shard), "--quiet"]
        # pure=False: rerunning the same shard is a new task, not a cached result.
        futures.append(client.submit(run_shard, argv, shard, timeout, pure=False,
                                     key=f"fslsim-shard-{k}-of-{shards}-{run_id}"))
    try:
        client.gather(futures)  # raises the first shard's ShardFailed
    except BaseException:
        client.cancel(futures)
        raise
    return merge(exe, out, shards, merged)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run fslsim shards on a local Dask cluster and merge them.")
    parser.add_argument("--shards", type=int, default=4)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--fslsim", default=None, help="fslsim binary (default $FSLSIM or PATH)")
    parser.add_argument("--scheduler", default=None,
                        help="address of a running scheduler (tcp://host:port) instead of a LocalCluster")
    parser.add_argument("--merged", default=None)
    parser.add_argument("command", choices=["run", "compare"])
    parser.add_argument("scenario")
    parser.add_argument("out")
    parser.add_argument("fslsim_args", nargs=argparse.REMAINDER,
                        help="after --: options passed to fslsim (e.g. --replications 64)")
    options = parser.parse_args(argv)
    extra = options.fslsim_args[1:] if options.fslsim_args[:1] == ["--"] else options.fslsim_args

    from distributed import Client, LocalCluster

    def go(client) -> int:
        try:
            merged = run_sharded(client, options.command, options.scenario, options.out,
                                 options.shards, extra, options.fslsim, merged=options.merged)
        except ShardFailed as failure:
            print(f"fslsim_dask: {failure}", file=sys.stderr)
            return 1
        except RuntimeError as failure:
            print(f"fslsim_dask: {failure}", file=sys.stderr)
            return 1
        print(merged)
        return 0

    if options.scheduler:
        with Client(options.scheduler) as client:
            return go(client)
    # Loopback only: the scheduler, the workers and the dashboard listen on 127.0.0.1.
    with LocalCluster(n_workers=options.workers, threads_per_worker=1, processes=True,
                      host="127.0.0.1", dashboard_address="127.0.0.1:0") as cluster, \
            Client(cluster) as client:
        return go(client)


if __name__ == "__main__":
    sys.exit(main())
