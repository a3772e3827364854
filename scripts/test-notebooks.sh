#!/usr/bin/env bash
# Smoke test of the analyst notebooks and the static report on one results folder.
#
#   scripts/test-notebooks.sh RESULTS_DIR
#
# Installs notebooks/requirements.txt with pip if a package is missing, registers the python3
# Jupyter kernel if needed, executes every notebook headless (run_notebooks.py, in memory), writes
# the report (report.py) into a temporary folder and checks the expected PNG/SVG files. Prints
# `N passed, M failed` as its last line and exits non-zero if any check failed.
# Python-only use without the simulator:
#   python3 notebooks/tests/make_fixture.py /tmp/fixture && scripts/test-notebooks.sh /tmp/fixture
# Environment: PYTHON (default python3), KEEP_TMP=1 keeps the temporary folder.
set -uo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
if [ $# -ne 1 ]; then
  echo "usage: scripts/test-notebooks.sh RESULTS_DIR" >&2
  exit 2
fi
RESULTS_DIR=$1
if [ ! -f "$RESULTS_DIR/replications.csv" ] || [ ! -f "$RESULTS_DIR/summary.csv" ]; then
  echo "test-notebooks: $RESULTS_DIR lacks replications.csv/summary.csv (not a fslsim results folder)" >&2
  exit 2
fi
if ! command -v "$PYTHON" >/dev/null 2>&1; then
  echo "test-notebooks: $PYTHON not found; install Python 3.11 (apt-get install python3 python3-pip)" >&2
  exit 2
fi

passed=0 failed=0
# shellcheck source=scripts/lib/check.sh
source scripts/lib/check.sh  # the script has cd-ed to the repository root

TMP=$(mktemp -d "${TMPDIR:-/tmp}/fslsim-notebooks.XXXXXX")
if [ "${KEEP_TMP:-0}" = 1 ]; then
  echo "test-notebooks: keeping $TMP"
else
  trap 'rm -rf "$TMP"' EXIT
fi

# 1. requirements: install only if a pinned distribution is missing
requirements_present() {
  "$PYTHON" - notebooks/requirements.txt <<'EOF'
import re, sys
from importlib import metadata
missing = []
for line in open(sys.argv[1]):
    line = line.split("#", 1)[0].strip()
    if not line:
        continue
    name = re.split(r"[=<>!~\[; ]", line, 1)[0]
    try:
        metadata.version(name)
    except metadata.PackageNotFoundError:
        missing.append(name)
if missing:
    print("test-notebooks: missing " + " ".join(missing), file=sys.stderr)
    sys.exit(1)
EOF
}
if ! requirements_present 2>/dev/null; then
  echo "test-notebooks: installing notebooks/requirements.txt with pip"
  "$PYTHON" -m pip install -q --disable-pip-version-check -r notebooks/requirements.txt 2>&1 |
    grep -v "Running pip as the 'root' user" >&2
fi
check "requirements installed" requirements_present

# 2. the python3 kernel: registered and able to import what the notebooks need
kernel_ok() {
  "$PYTHON" - <<'EOF'
import subprocess, sys
from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
try:
    spec = KernelSpecManager().get_kernel_spec("python3")
except NoSuchKernel:
    sys.exit(1)
exe = spec.argv[0]
if exe in ("python", "python3", f"python{sys.version_info[0]}.{sys.version_info[1]}"):
    exe = sys.executable  # jupyter_client runs these names as the current interpreter
r = subprocess.run([exe, "-c", "import ipykernel, pandas, matplotlib"], capture_output=True)
sys.exit(r.returncode)
EOF
}
if ! kernel_ok 2>/dev/null; then
  echo "test-notebooks: registering the python3 kernel for $PYTHON"
  "$PYTHON" -m ipykernel install --user --name python3 --display-name "Python 3" >/dev/null
fi
check "python3 kernel available" kernel_ok

# 3. committed notebooks carry no outputs
shopt -s nullglob
notebooks=(notebooks/*.ipynb)
check "notebooks found" test ${#notebooks[@]} -gt 0
for nb in "${notebooks[@]}"; do
  check "$nb has cleared outputs" "$PYTHON" -c '
import sys, nbformat
nb = nbformat.read(sys.argv[1], as_version=4)
bad = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and (c.outputs or c.execution_count is not None)]
if bad:
    print(f"  cells with outputs or execution counts: {bad}", file=sys.stderr)
sys.exit(1 if bad else 0)' "$nb"
done

# 4. every notebook executes without a cell error, and none is written back
before=$(cat "${notebooks[@]}" | cksum)
for nb in "${notebooks[@]}"; do
  check "$nb executes on $RESULTS_DIR" "$PYTHON" notebooks/run_notebooks.py "$RESULTS_DIR" "$nb"
done
check "notebooks unchanged by execution" test "$before" = "$(cat "${notebooks[@]}" | cksum)"

# 5. the static report and its files
check "report.py writes the charts" "$PYTHON" notebooks/report.py "$RESULTS_DIR" --out "$TMP/report"
expected=(sla_vs_cost sla_by_tier cost_breakdown backorder_wait fill_sla_by_location fill_sla_by_country)
[ -f "$RESULTS_DIR/paired.csv" ] && expected+=(paired_differences)
[ -f "$RESULTS_DIR/timeseries.csv" ] && expected+=(backorders_open)
for chart in "${expected[@]}"; do
  for ext in png svg; do
    check "report $chart.$ext non-empty" test -s "$TMP/report/$chart.$ext"
  done
done
check "report PNGs are PNG images" "$PYTHON" -c '
import sys
bad = [p for p in sys.argv[1:] if open(p, "rb").read(8) != b"\x89PNG\r\n\x1a\n"]
sys.exit(1 if bad else 0)' "$TMP"/report/*.png

# 6. a folder without the CSVs is refused with a non-zero exit
mkdir -p "$TMP/not-results"
refuses() { ! "$PYTHON" notebooks/report.py "$TMP/not-results" --out "$TMP/none" 2>/dev/null; }
check "report.py refuses a folder without replications.csv/summary.csv" refuses

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
