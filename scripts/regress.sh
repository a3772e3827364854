#!/usr/bin/env bash
# Regression gate: reruns every scenario that has a committed baseline under results/baselines/
# and compares it with `fslsim regress`. Exit 0 when nothing regressed, 3 when a metric got
# clearly and materially worse (the regressed metrics are printed), anything else on errors.
#
#   scripts/regress.sh                 # uses .build/debug/fslsim, building it if missing
#   FSLSIM=path/to/fslsim scripts/regress.sh
#   REGRESS_REPORT=report.md scripts/regress.sh   # Markdown report (default results/regress-report.md)
#
# In GitHub Actions the report is appended to $GITHUB_STEP_SUMMARY.
# Refresh a baseline after an intended change:
#   .build/debug/fslsim regress scenarios/NAME.json --update-baseline [--horizon-days D ...]
set -euo pipefail
cd "$(dirname "$0")/.."

bin="${FSLSIM:-.build/debug/fslsim}"
if [[ ! -x "$bin" ]]; then
    echo "regress.sh: $bin not found; building it" >&2
    swift build --product fslsim
fi

scenarios=()
for baseline in results/baselines/*/; do
    name="$(basename "$baseline")"
    scenario="scenarios/$name.json"
    if [[ ! -f "$scenario" ]]; then
        echo "regress.sh: baseline $baseline has no scenario $scenario; remove the baseline or restore the scenario" >&2
        exit 65
    fi
    scenarios+=("$scenario")
done
if [[ ${#scenarios[@]} -eq 0 ]]; then
    echo "regress.sh: no baselines under results/baselines/" >&2
    exit 65
fi

report="${REGRESS_REPORT:-results/regress-report.md}"
status=0
# In CI any change to simulation results fails unless its baseline is updated in the same change.
strict=()
[[ "${CI:-}" == "true" ]] && strict=(--require-identical)
"$bin" regress "${scenarios[@]}" --baseline results/baselines --report "$report" --quiet "${strict[@]}" || status=$?
if [[ -n "${GITHUB_STEP_SUMMARY:-}" && -f "$report" ]]; then
    cat "$report" >> "$GITHUB_STEP_SUMMARY"
fi
case $status in
    0) echo "regress.sh: ${#scenarios[@]} scenarios, nothing regressed (report: $report)" ;;
    3) echo "regress.sh: REGRESSION (details above; report: $report)" >&2 ;;
    *) echo "regress.sh: fslsim regress failed with exit code $status" >&2 ;;
esac
exit $status
