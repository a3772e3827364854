#!/usr/bin/env bash
# The whole test suite: Swift Testing and XCTest through `swift test`, then the analyst
# notebooks executed headless on a results folder the simulator writes in this run.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build --build-tests
swift test --skip-build

# Regression gate: the bundled scenarios against their committed baselines (exit 3 on a regression;
# a change that alters results on purpose updates the baseline in the same commit).
scripts/regress.sh

# Scale-out for real: static binary without the toolchain, an 8-shard Slurm array on a one-node
# cluster bound to 127.0.0.1, and Dask on a LocalCluster; merged output byte-identical to one
# machine. Under CI a Slurm that cannot start is a failure, not a skip.
if [[ "${CI:-}" == "true" ]]; then export SCALEOUT_REQUIRE_SLURM=1; fi
scripts/test-scaleout.sh

# Notebooks and static report on real simulator output.
results=$(mktemp -d "${TMPDIR:-/tmp}/fslsim-test-results.XXXXXX")
trap 'rm -rf "$results"' EXIT
"$(swift build --show-bin-path)/fslsim" compare scenarios/demo.json \
  --routing nearest --routing nearest:split=true --replications 3 --horizon-days 60 --warmup-days 5 \
  --timeseries --trace "$results/compare" --quiet --out "$results/compare" > "$results/compare.txt"
# A virtual environment keeps the notebooks' packages away from the system Python (PEP 668).
if ! command -v python3 >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  apt-get install -y -qq python3 python3-venv python3-pip >/dev/null
fi
venv=.build/notebooks-venv
[ -x "$venv/bin/python3" ] || python3 -m venv "$venv"
PYTHON="$PWD/$venv/bin/python3" scripts/test-notebooks.sh "$results/compare"
