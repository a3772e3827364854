#!/usr/bin/env bash
# fslsim against the bench-model-v1 references (shared/bench): SimPy, plain-Python heapq (optional)
# and hand-written C++, run alternately on the same machine; medians of orders/s.
#
#   benchmarks/compare.sh [--runs N] [--simpy-runs-big M] [--quick] [--no-doc]
#
# Sizes: "default" F=40 P=500 C=400 R=2000; "R20k" the same at R=20000; "big" F=200 P=5000 C=400
# R=20000. All 365 days, seed 1, reorder rule "demand" (standard one-for-one, what fslsim's base
# stock does). fslsim figures are `fslsim-bench model` (bench-v1 generated in memory; time of one
# whole replication incl. its set-up); the references' are their `orders_per_s` (run loop only).
# Writes the table into docs/performance.md between the COMPARE markers unless --no-doc.
set -euo pipefail
cd "$(dirname "$0")/.."
REF=${REF:-/work/shared/bench}
RUNS=5; SIMPY_BIG=2; QUICK=0; DOC=1
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS=$2; shift 2;; --simpy-runs-big) SIMPY_BIG=$2; shift 2;;
    --quick) QUICK=1; shift;; --no-doc) DOC=0; shift;;
    *) echo "usage: $0 [--runs N] [--simpy-runs-big M] [--quick] [--no-doc]" >&2; exit 64;;
  esac
done
WORK=$(mktemp -d /tmp/fslsim-compare.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

swift build -c release >/dev/null
g++ -O2 -std=c++17 -o "$WORK/cpp_ref" "$REF/cpp_ref.cpp"
g++ -O2 -std=c++17 -o "$WORK/hold_cpp" "$REF/hold_cpp.cpp"
python3 -c 'import simpy' 2>/dev/null || pip install --quiet simpy
BENCH=.build/release/fslsim-bench

median() { sort -g | awk '{a[NR]=$1} END {if (NR==0) {print "nan"} else if (NR%2) {print a[(NR+1)/2]} else {print (a[NR/2]+a[NR/2+1])/2}}'; }
field() { grep "^$1=" | head -1 | cut -d= -f2; }

SIZES=("default:40:500:400:2000" "R20k:40:500:400:20000" "big:200:5000:400:20000")
[ $QUICK = 1 ] && SIZES=("default:40:500:400:2000")
ROWS=()
for spec in "${SIZES[@]}"; do
  IFS=: read -r name F P C R <<<"$spec"
  flags="--fsls $F --parts $P --sites $C --rate $R"
  simpy_runs=$RUNS; [ "$R" != 2000 ] && simpy_runs=$SIMPY_BIG
  : >"$WORK/$name.fsl"; : >"$WORK/$name.cpp"; : >"$WORK/$name.simpy"
  for i in $(seq 1 "$RUNS"); do
    # fslsim: each call = warm-up + 1 timed replication; alternate with the references.
    $BENCH model $flags --repeat 1 >"$WORK/out.fsl"
    field orders_per_s <"$WORK/out.fsl" >>"$WORK/$name.fsl"
    "$WORK/cpp_ref" $flags --reorder demand >"$WORK/out.cpp"
    field orders_per_s <"$WORK/out.cpp" >>"$WORK/$name.cpp"
    if [ "$i" -le "$simpy_runs" ]; then
      python3 "$REF/simpy_ref.py" $flags --reorder demand >"$WORK/out.simpy"
      field orders_per_s <"$WORK/out.simpy" >>"$WORK/$name.simpy"
    fi
  done
  fsl=$(median <"$WORK/$name.fsl"); cpp=$(median <"$WORK/$name.cpp"); sim=$(median <"$WORK/$name.simpy")
  stats="fslsim fill $(field fill_rate <"$WORK/out.fsl" | cut -c1-6) sla $(field sla_attainment <"$WORK/out.fsl" | cut -c1-6) rss $(field peak_rss_mb <"$WORK/out.fsl") MB; cpp fill $(field fill_rate <"$WORK/out.cpp" | cut -c1-6) on-time $(field on_time_frac <"$WORK/out.cpp" | cut -c1-6)"
  ROWS+=("$(awk -v n="$name" -v F="$F" -v P="$P" -v C="$C" -v R="$R" -v f="$fsl" -v c="$cpp" -v s="$sim" \
      -v rn="$RUNS" -v sn="$simpy_runs" -v st="$stats" 'BEGIN {
      printf "| %s | %d | %d | %d | %d | %.0f | %.0f | %.0f | %.2f | %.1f | %d/%d/%d | %s |", n, F, P, C, R, f, c, s, f/c, f/s, rn, rn, sn, st }')")
done

HOLD=()
for pending in 1000 100000 1000000; do
  : >"$WORK/h.fsl"; : >"$WORK/h.cpp"
  for i in 1 2 3; do
    $BENCH hold --pending $pending --ops 20000000 --repeat 1 | sed 's/.*ops_per_s=\([0-9]*\).*/\1/' >>"$WORK/h.fsl"
    "$WORK/hold_cpp" --pending $pending --ops 20000000 --queue dary4replace | grep -o 'ops_per_s=[0-9.e+]*' | cut -d= -f2 >>"$WORK/h.cpp"
  done
  f=$(median <"$WORK/h.fsl"); c=$(median <"$WORK/h.cpp")
  HOLD+=("$(awk -v p=$pending -v f="$f" -v c="$c" 'BEGIN { printf "| %d | %.0f | %.0f | %.2f |", p, f, c, f/c }')")
done

TABLE=$(
  echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(swift --version 2>&1 | head -1 | sed 's/ (.*//'), g++ $(g++ -dumpfullversion), Python $(python3 -c 'import platform; print(platform.python_version())'), simpy $(python3 -c 'import simpy; print(simpy.__version__)')."
  echo "Command: \`benchmarks/compare.sh --runs $RUNS --simpy-runs-big $SIMPY_BIG\`. Medians of orders/s; runs alternate fslsim, C++, SimPy."
  echo
  echo "| size | F | P | C | R/day | fslsim orders/s | C++ orders/s | SimPy orders/s | fslsim/C++ | fslsim/SimPy | runs fsl/C++/SimPy | statistics (last run) |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
  printf '%s\n' "${ROWS[@]}"
  echo
  echo "Hold model (event calendar only), 2e7 holds, median of 3: fslsim \`fslsim-bench hold\` vs \`hold_cpp --queue dary4replace\`."
  echo
  echo "| pending | fslsim holds/s | C++ holds/s | fslsim/C++ |"
  echo "| --- | --- | --- | --- |"
  printf '%s\n' "${HOLD[@]}"
)
echo "$TABLE"
if [ $DOC = 1 ]; then
  python3 - "$TABLE" <<'PY'
import sys, re
path = "docs/performance.md"
table = sys.argv[1]
text = open(path).read()
new = re.sub(r"<!-- COMPARE:BEGIN -->.*<!-- COMPARE:END -->",
             lambda m: "<!-- COMPARE:BEGIN -->\n" + table + "\n<!-- COMPARE:END -->", text, flags=re.S)
open(path + ".tmp", "w").write(new)
import os; os.replace(path + ".tmp", path)
PY
fi
