#!/usr/bin/env bash
# Scaling of fslsim on bench-v1: orders/s and peak RSS as horizon, demand rate, FSL count and part
# count grow 10x and 100x; replications/s with 1 and 2 threads (bit-identical check).
#   benchmarks/scaling.sh    (prints markdown tables)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release >/dev/null
B=.build/release/fslsim-bench
row() {  # label, flags...
  local label=$1; shift
  local out; out=$($B model "$@" --repeat 1)
  local g; g() { echo "$out" | grep "^$1=" | cut -d= -f2; }
  printf '| %s | `%s` | %s | %s | %s | %.0f | %.0f | %s | %s |\n' "$label" "$*" "$(g slots)" "$(g orders)" "$(g wall_s)" \
    "$(g orders_per_s)" "$(g events_per_s)" "$(g peak_rss_mb)" "$(g fill_rate | cut -c1-6)"
}
echo "| case | fslsim-bench model flags | slots | orders | wall s | orders/s | events/s | peak RSS MB | fill rate |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
row "base (F40 P500 R2000, 365 d)"
row "horizon x10" --days 3650
row "rate x10" --rate 20000
row "rate x100 (36.5 d)" --rate 200000 --days 36.5
row "FSLs x10" --fsls 400
row "FSLs x100" --fsls 4000
row "parts x10" --parts 5000
row "parts x100" --parts 50000
row "big (F200 P5000 R20000)" --fsls 200 --parts 5000 --rate 20000
row "horizon x100" --days 36500
echo
echo "| threads | replications | wall s | replications/s | replications.csv |"
echo "| --- | --- | --- | --- | --- |"
for t in 1 2; do
  start=$(date +%s.%N)
  .build/release/fslsim run scenarios/bench-v1.json --replications 8 --threads $t --quiet --out /tmp/fslsim-scaling-t$t >/dev/null
  end=$(date +%s.%N)
  same="reference"
  [ $t = 2 ] && { cmp -s /tmp/fslsim-scaling-t1/replications.csv /tmp/fslsim-scaling-t2/replications.csv && same="bit-identical to 1 thread" || same="DIFFERS"; }
  awk -v t=$t -v s=$start -v e=$end -v same="$same" 'BEGIN { printf "| %d | 8 | %.2f | %.2f | %s |\n", t, e-s, 8/(e-s), same }'
done
