#!/usr/bin/env bash
# Submits a sharded fslsim run to Slurm: a job array of N shards, then a merge job that starts
# only if every shard succeeded (--dependency=afterok:<array id>), and is cancelled otherwise.
#
#   distributed/slurm/submit.sh [options] run|compare SCENARIO OUT [fslsim options...]
#
# Options (before the command):
#   --shards N          number of shards = array tasks (default 8)
#   --fslsim PATH       the fslsim binary, on a filesystem the nodes see (default: $FSLSIM, else
#                       `fslsim` on PATH); scripts/build-static.sh builds one without toolchain
#   --cpus-per-task C   threads per shard (default 1)
#   --throttle M        at most M shards running at once (sbatch --array=...%M)
#   --merged DIR        where the merged results go (default OUT/merged)
#   --sbatch ARG        an extra sbatch argument for both jobs, e.g. --sbatch --partition=short
#                       or --sbatch --account=proj42 (repeatable)
#   --wait              poll `scontrol show job` until both jobs have ended; exit 0 only if the
#                       merge completed, else print every shard's state and exit 1
#   --poll SECONDS      polling interval for --wait (default 2)
#   --timeout SECONDS   with --wait: give up (exit 1, jobs left alone) after this long
#
# Prints `array <id>` and `merge <id>`. Logs go to OUT/logs/. SCENARIO and OUT are made
# absolute so the jobs find them whatever their working directory.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

usage() {
  sed -n '2,/^set -euo/p' "$0" | sed -e '/^set -euo/d' -e 's/^# \{0,1\}//' >&2
  exit 64
}

shards=8 fslsim=${FSLSIM:-} cpus=1 throttle="" merged="" wait=false poll=2 timeout=0
extra=()
while [ $# -gt 0 ]; do
  case $1 in
    --shards) shards=$2; shift 2 ;;
    --fslsim) fslsim=$2; shift 2 ;;
    --cpus-per-task) cpus=$2; shift 2 ;;
    --throttle) throttle=$2; shift 2 ;;
    --merged) merged=$2; shift 2 ;;
    --sbatch) extra+=("$2"); shift 2 ;;
    --wait) wait=true; shift ;;
    --poll) poll=$2; shift 2 ;;
    --timeout) timeout=$2; shift 2 ;;
    -h | --help) usage ;;
    --*) echo "submit.sh: unknown option $1" >&2; usage ;;
    *) break ;;
  esac
done
[ $# -ge 3 ] || usage
command=$1 scenario=$2 out=$3
shift 3
case $shards in '' | *[!0-9]* | 0) echo "submit.sh: --shards must be a positive whole number" >&2; exit 64 ;; esac

if [ -z "$fslsim" ]; then
  fslsim=$(command -v fslsim) || { echo "submit.sh: no fslsim on PATH; give --fslsim PATH or FSLSIM" >&2; exit 64; }
fi
[ -x "$fslsim" ] || { echo "submit.sh: $fslsim is not an executable file" >&2; exit 64; }
absolute() { case $1 in /*) echo "$1" ;; *) echo "$PWD/$1" ;; esac; }
fslsim=$(absolute "$fslsim")
scenario=$(absolute "$scenario")
out=$(absolute "$out")
merged=$(absolute "${merged:-$out/merged}")
mkdir -p "$out/logs"

array_spec="0-$((shards - 1))${throttle:+%$throttle}"
array_id=$(sbatch --parsable ${extra[@]+"${extra[@]}"} \
  --export="ALL,FSLSIM=$fslsim" --array="$array_spec" --cpus-per-task="$cpus" \
  --output="$out/logs/shard-%a.out" \
  "$here/fslsim-array.sbatch" "$command" "$scenario" "$out" "$@")
array_id=${array_id%%;*} # --parsable prints id;cluster on federated setups
merge_id=$(sbatch --parsable ${extra[@]+"${extra[@]}"} \
  --export="ALL,FSLSIM=$fslsim" --dependency="afterok:$array_id" --kill-on-invalid-dep=yes \
  --output="$out/logs/merge.out" \
  "$here/fslsim-merge.sbatch" "$out" "$shards" "$merged")
merge_id=${merge_id%%;*}
echo "array $array_id"
echo "merge $merge_id"
$wait || exit 0

# --wait: poll the controller (no accounting database needed). Job records stay in slurmctld's
# memory for MinJobAge seconds (default 300) after they end, far longer than one poll.
states() { # states JOBID: the JobState of every record of the job (one per array task)
  local text
  text=$(scontrol show job -o "$1" 2>&1) || { echo "submit.sh: scontrol show job $1: $text" >&2; return 1; }
  grep -o 'JobState=[A-Z_]*' <<<"$text" | cut -d= -f2
}
finished() { # finished JOBID: every record ended (none pending, running, completing, ...)
  local s list
  list=$(states "$1") || return 2
  [ -n "$list" ] || return 1
  for s in $list; do
    case $s in COMPLETED | FAILED | CANCELLED | TIMEOUT | NODE_FAIL | OUT_OF_MEMORY | BOOT_FAIL | DEADLINE | PREEMPTED) ;; *) return 1 ;; esac
  done
}
errors=0 started=$SECONDS
while true; do
  finished "$array_id" && finished "$merge_id" && break
  [ $? -eq 2 ] && errors=$((errors + 1)) || errors=0
  if [ "$errors" -ge 10 ]; then
    echo "submit.sh: scontrol failed 10 times in a row (controller down, or the job records purged after MinJobAge?); giving up" >&2
    exit 1
  fi
  if [ "$timeout" -gt 0 ] && [ $((SECONDS - started)) -ge "$timeout" ]; then
    echo "submit.sh: jobs $array_id and $merge_id still not finished after ${timeout}s; giving up (they keep running)" >&2
    exit 1
  fi
  sleep "$poll"
done
merge_state=$(states "$merge_id")
if [ "$merge_state" = COMPLETED ]; then
  echo "submit.sh: all $shards shards and the merge completed; results in $merged"
  exit 0
fi
echo "submit.sh: the sharded run failed (merge job $merge_id: $merge_state). Shards:" >&2
scontrol show job -o "$array_id" | awk '{
  line = "  "
  for (i = 1; i <= NF; i++) if ($i ~ /^(ArrayTaskId|JobState|ExitCode)=/) line = line " " $i
  print line
}' >&2 || true
echo "submit.sh: logs in $out/logs/" >&2
exit 1
