#!/usr/bin/env bash
# End-to-end test of scale-out: the static release binary, a sharded run on a real single-node
# Slurm cluster, and on a Dask LocalCluster, each merged and compared byte for byte (cmp) with
# one machine running every replication.
#
#   scripts/test-scaleout.sh
#
# (a) builds fslsim with scripts/build-static.sh and runs it with the Swift toolchain out of
#     reach (env -i, empty LD_LIBRARY_PATH, the toolchain folder hidden in a mount namespace),
#     checks ldd lists no libswift*.so and no libgsl, and that it reproduces the demo baseline.
# (b) installs Slurm and MUNGE from Debian packages if missing (apt-get; root), starts munged,
#     slurmctld and slurmd by hand in a temporary folder (no systemd here), listening on
#     127.0.0.1 only, on free ports, with a private MUNGE socket; submits an 8-shard array and
#     its merge with distributed/slurm/submit.sh --wait (polls `scontrol show job`), compares;
#     then a run where shard 3 fails must fail and must not merge. If Slurm cannot be installed
#     or started here, that part is SKIPPED with the reason and the daemons' logs (set
#     SCALEOUT_REQUIRE_SLURM=1 to count that as a failure instead).
# (c) pip-installs distributed/dask/requirements.txt into .build/scaleout-venv if missing, runs
#     4 shards of `compare` on a LocalCluster bound to 127.0.0.1, merges, compares (including
#     paired.csv); a failing shard must fail the run.
# Every daemon this script starts is stopped by PID on exit. Prints each part's time and
# `N passed, M failed[, K skipped]` as its last line; exits non-zero if any check failed.
# Environment: KEEP_TMP=1 keeps the temporary folder; PYTHON (default python3) makes the venv.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 2
repo=$PWD

passed=0 failed=0
skipped=0
# shellcheck source=scripts/lib/check.sh
source scripts/lib/check.sh  # the script has cd-ed to the repository root
skip() { skipped=$((skipped + 1)); echo "SKIP $1"; }
finish() {
  echo "scaleout: total ${SECONDS}s"
  echo "$passed passed, $failed failed${skipped:+, $skipped skipped}"
  [ "$failed" -eq 0 ]
  exit
}

TMP=$(mktemp -d "${TMPDIR:-/tmp}/fslsim-scaleout.XXXXXX")
chmod 755 "$TMP" # munged runs as the munge user and must reach its folder inside
daemon_pids=()
stop_daemons() { # stop every daemon this script started, by PID, newest first
  local i pid
  for ((i = ${#daemon_pids[@]} - 1; i >= 0; i--)); do
    pid=${daemon_pids[i]}
    kill "$pid" 2>/dev/null || continue
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  daemon_pids=()
}
cleanup() {
  stop_daemons
  if [ "${KEEP_TMP:-0}" = 1 ]; then echo "scaleout: keeping $TMP"; else rm -rf "$TMP"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

OPTIONS=(--replications 8 --horizon-days 60 --warmup-days 5)
COMPARE=(--routing nearest --routing nearest:split=true)
same_files() { # same_files A B FILE...: each FILE byte-identical in folders A and B
  local a=$1 b=$2 f ok=0
  shift 2
  for f in "$@"; do cmp "$a/$f" "$b/$f" || ok=1; done
  return $ok
}

# ---------------------------------------------------------------------------------------------
echo "== (a) static release binary"
t=$SECONDS
bin=$TMP/bin/fslsim
if ! scripts/build-static.sh "$bin" >"$TMP/build.log" 2>&1; then
  tail -30 "$TMP/build.log"
  check "scripts/build-static.sh builds fslsim" false
  finish
fi
check "scripts/build-static.sh builds fslsim" test -x "$bin"
check "runs with env -i PATH=/usr/bin:/bin LD_LIBRARY_PATH=" env -i PATH=/usr/bin:/bin LD_LIBRARY_PATH= "$bin" --version
ldd "$bin" >"$TMP/ldd.txt" 2>&1
sed 's/^/  ldd: /' "$TMP/ldd.txt"
check "ldd: no libswift*.so" eval '! grep -q libswift "$TMP/ldd.txt"'
check "ldd: no libFoundation*.so or libdispatch" eval '! grep -qiE "libFoundation|libdispatch|libBlocksRuntime" "$TMP/ldd.txt"'
check "ldd: GSL linked statically (no libgsl*.so)" eval '! grep -q libgsl "$TMP/ldd.txt"'
check "ldd: nothing unresolved" eval '! grep -q "not found" "$TMP/ldd.txt"'
toolchain=$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")
if unshare -m true 2>/dev/null; then
  check "runs with the toolchain folder $toolchain hidden (mount namespace)" \
    unshare -m sh -c 'mount -t tmpfs none "$1" && ! test -e "$1/bin/swift" && env -i PATH=/usr/bin:/bin "$2" --version' sh "$toolchain" "$bin"
else
  skip "runs with the toolchain hidden: unshare -m is not permitted here"
fi
check "static binary reproduces the demo baseline bit for bit (regress)" \
  eval 'env -i PATH=/usr/bin:/bin "$bin" regress scenarios/demo.json --quiet >"$TMP/regress.txt"' 
check "one-machine reference run" eval '"$bin" run scenarios/demo.json "${OPTIONS[@]}" --quiet --out "$TMP/ref-run" >"$TMP/ref-run.txt"'
check "one-machine reference compare" eval '"$bin" compare scenarios/demo.json "${OPTIONS[@]}" "${COMPARE[@]}" --quiet --out "$TMP/ref-compare" >"$TMP/ref-compare.txt"'

# A wrapper whose shard 3 fails (Slurm: array task 3; Dask: --shard 3/n), the others run fslsim.
cat >"$TMP/bin/fslsim-shard3-fails" <<WRAPPER
#!/bin/sh
previous=
for argument in "\$@"; do
  case "\$previous:\$argument" in --shard:3/*) echo "deliberate failure of shard 3" >&2; exit 1 ;; esac
  previous=\$argument
done
case " \$* " in *" --shard env "*) if [ "\${SLURM_ARRAY_TASK_ID:-}" = 3 ]; then echo "deliberate failure of shard 3" >&2; exit 1; fi ;; esac
exec "$bin" "\$@"
WRAPPER
chmod +x "$TMP/bin/fslsim-shard3-fails"
echo "scaleout: (a) static binary took $((SECONDS - t))s"

# ---------------------------------------------------------------------------------------------
echo "== (b) Slurm job array on a single-node cluster (127.0.0.1)"
t=$SECONDS
slurm_problem=""
install_slurm() {
  local need=false tool
  for tool in slurmctld slurmd sbatch scontrol sinfo munged; do command -v "$tool" >/dev/null || need=true; done
  $need || return 0
  [ "$(id -u)" = 0 ] || { slurm_problem="Slurm is not installed and this is not root (apt-get install slurmctld slurmd slurm-client munge)"; return 1; }
  echo "scaleout: installing slurmctld slurmd slurm-client munge with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  # No init system here: keep the packages' scripts from starting daemons (Docker images already
  # have such a policy-rc.d; create one only for the install if missing).
  local policy=false
  if [ ! -e /usr/sbin/policy-rc.d ]; then printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; policy=true; fi
  local rc=0
  { apt-get update -qq && apt-get install -y -qq --no-install-recommends slurmctld slurmd slurm-client munge; } >"$TMP/apt.log" 2>&1 || rc=$?
  $policy && rm -f /usr/sbin/policy-rc.d
  if [ $rc -ne 0 ]; then tail -20 "$TMP/apt.log"; slurm_problem="apt-get install of Slurm failed (exit $rc)"; return 1; fi
}
free_port() { "${PYTHON:-python3}" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
start_slurm() {
  local m=$TMP/munge s=$TMP/slurm
  mkdir -p "$m" "$s/state" "$s/spool" "$s/log"
  chown munge:munge "$m" && chmod 700 "$m"
  dd if=/dev/urandom of="$m/munge.key" bs=1024 count=1 status=none
  chown munge:munge "$m/munge.key" && chmod 400 "$m/munge.key"
  setpriv --reuid=munge --regid=munge --init-groups munged --foreground --force \
    --key-file="$m/munge.key" --socket="$m/munge.socket" --pid-file="$m/munged.pid" \
    --seed-file="$m/munged.seed" --log-file="$m/munged.log" >"$m/munged.out" 2>&1 &
  daemon_pids+=($!)
  for _ in $(seq 50); do [ -S "$m/munge.socket" ] && break; sleep 0.1; done
  if ! munge -n --socket="$m/munge.socket" | unmunge --socket="$m/munge.socket" >/dev/null 2>&1; then
    cat "$m/munged.out" "$m/munged.log" 2>/dev/null | tail -20
    slurm_problem="munged did not start or does not answer on $m/munge.socket"
    return 1
  fi
  local ctld_port slurmd_port
  ctld_port=$(free_port) && slurmd_port=$(free_port) || { slurm_problem="no free port"; return 1; }
  [ "$ctld_port" != "$slurmd_port" ] || slurmd_port=$((ctld_port + 1))
  cat >"$s/slurm.conf" <<CONF
# A throw-away single-node cluster for scripts/test-scaleout.sh: loopback only, no cgroups.
ClusterName=fslsimtest
SlurmctldHost=localhost(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$m/munge.socket
CommunicationParameters=NoInAddrAny,NoCtldInAddrAny
StateSaveLocation=$s/state
SlurmdSpoolDir=$s/spool
SlurmctldPidFile=$s/slurmctld.pid
SlurmdPidFile=$s/slurmd.pid
SlurmctldLogFile=$s/log/slurmctld.log
SlurmdLogFile=$s/log/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/builtin
SchedulerParameters=batch_sched_delay=0
ReturnToService=2
MinJobAge=600
InactiveLimit=0
KillWait=5
MailProg=/bin/true
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF
  export SLURM_CONF=$s/slurm.conf
  slurmctld -D -i -f "$s/slurm.conf" >"$s/log/slurmctld.out" 2>&1 &
  daemon_pids+=($!)
  slurmd -D -N localhost -f "$s/slurm.conf" >"$s/log/slurmd.out" 2>&1 &
  daemon_pids+=($!)
  local state=""
  for _ in $(seq 60); do
    state=$(sinfo -h -n localhost -o %T 2>/dev/null | head -1)
    case $state in idle | mixed | allocated) return 0 ;; esac
    sleep 0.5
  done
  echo "--- slurmctld"; tail -20 "$s/log/slurmctld.log" "$s/log/slurmctld.out" 2>/dev/null
  echo "--- slurmd"; tail -20 "$s/log/slurmd.log" "$s/log/slurmd.out" 2>/dev/null
  slurm_problem="the node did not become idle within 30 s (sinfo state: '${state:-none}')"
  return 1
}
if install_slurm && start_slurm; then
  echo "scaleout: Slurm is up ($(sinfo -V)); starting took $((SECONDS - t))s"
  listening_on_loopback_only() { # every TCP listener of the daemons started here is on 127.0.0.1
    local pid listeners=""
    for pid in "${daemon_pids[@]}"; do listeners+=$(ss -Hltnp 2>/dev/null | grep "pid=$pid,")$'\n'; done
    grep -q . <<<"$listeners" || return 1
    sed 's/^/  listening: /' <<<"$listeners" | grep -v '^  listening: $'
    ! grep -E 'LISTEN' <<<"$listeners" | grep -vq ' 127\.0\.0\.1:'
  }
  check "slurm: slurmctld and slurmd listen on 127.0.0.1 only" listening_on_loopback_only
  submit=distributed/slurm/submit.sh
  check "slurm: 8-shard array + merge complete (submit.sh --wait)" \
    "$submit" --wait --poll 1 --timeout 120 --shards 8 --fslsim "$bin" run scenarios/demo.json "$TMP/slurm-ok" "${OPTIONS[@]}"
  check "slurm: 8 shard folders" test "$(ls -d "$TMP"/slurm-ok/shard-*-of-8 2>/dev/null | wc -l)" -eq 8
  check "slurm: merged replications.csv and summary.csv byte-identical to one machine" \
    same_files "$TMP/ref-run" "$TMP/slurm-ok/merged" replications.csv summary.csv
  if ! check "slurm: a failing shard fails the run" \
    eval '! "$submit" --wait --poll 1 --timeout 120 --shards 8 --fslsim "$TMP/bin/fslsim-shard3-fails" run scenarios/demo.json "$TMP/slurm-fail" "${OPTIONS[@]}"'; then
    tail -5 "$TMP"/slurm-fail/logs/* 2>/dev/null
  fi
  check "slurm: nothing merged after the failure" test ! -e "$TMP/slurm-fail/merged"
  check "slurm: the failing shard's log names the failure" grep -q "deliberate failure of shard 3" "$TMP/slurm-fail/logs/shard-3.out"
else
  echo "################################################################################"
  echo "# SLURM PART SKIPPED: $slurm_problem"
  echo "# The Slurm recipes in distributed/slurm/ were NOT tested in this run."
  echo "################################################################################"
  if [ "${SCALEOUT_REQUIRE_SLURM:-0}" = 1 ]; then
    check "slurm: a cluster could be started (SCALEOUT_REQUIRE_SLURM=1)" false
  else
    skip "slurm: $slurm_problem"
  fi
fi
stop_daemons
echo "scaleout: (b) Slurm took $((SECONDS - t))s"

# ---------------------------------------------------------------------------------------------
echo "== (c) Dask LocalCluster (127.0.0.1)"
t=$SECONDS
venv=.build/scaleout-venv
python=$venv/bin/python3
dask_ready() { "$python" -c 'import dask, distributed' 2>/dev/null; }
if ! dask_ready; then
  echo "scaleout: installing distributed/dask/requirements.txt into $venv with pip"
  [ -x "$python" ] || "${PYTHON:-python3}" -m venv "$venv"
  "$python" -m pip install -q --disable-pip-version-check -r distributed/dask/requirements.txt >"$TMP/pip.log" 2>&1 ||
    tail -20 "$TMP/pip.log"
fi
if check "dask: requirements installed" dask_ready; then
  dask_run() { # dask_run FSLSIM OUT [fslsim options]: 4 shards of compare, merged
    local exe=$1 out=$2
    shift 2
    (cd "$TMP" && timeout 120 "$repo/$python" "$repo/distributed/dask/fslsim_dask.py" --shards 4 --workers 2 --fslsim "$exe" \
      compare "$repo/scenarios/demo.json" "$out" -- "${OPTIONS[@]}" "${COMPARE[@]}" "$@") >"$out.log" 2>&1
  }
  if ! check "dask: 4 shards + merge complete" dask_run "$bin" "$TMP/dask-ok"; then tail -20 "$TMP/dask-ok.log"; fi
  check "dask: merged replications.csv, summary.csv and paired.csv byte-identical to one machine" \
    same_files "$TMP/ref-compare" "$TMP/dask-ok/merged" replications.csv summary.csv paired.csv
  check "dask: a failing shard fails the run" eval '! dask_run "$TMP/bin/fslsim-shard3-fails" "$TMP/dask-fail"'
  check "dask: the error names the failing shard" grep -q "shard 3/4 failed" "$TMP/dask-fail.log"
  check "dask: nothing merged after the failure" test ! -e "$TMP/dask-fail/merged"
  bad_scenario_run() {
    (cd "$TMP" && timeout 120 "$repo/$python" "$repo/distributed/dask/fslsim_dask.py" --shards 4 --workers 2 --fslsim "$bin" \
      run "$TMP/no-such-scenario.json" "$TMP/dask-bad" -- "${OPTIONS[@]}") >"$TMP/dask-bad.log" 2>&1
  }
  check "dask: a bad scenario path fails the run" eval '! bad_scenario_run'
fi
echo "scaleout: (c) Dask took $((SECONDS - t))s"
finish
