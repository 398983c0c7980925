#!/usr/bin/env bash
# make test-cluster: FactoryTwin's sharded sweep on a real Slurm (Debian's slurm-wlm + munge), one node on loopback.
#
#   1. installs slurm-wlm and munge with apt-get when slurmctld, slurmd, sbatch or munged is missing;
#   2. starts munged, slurmctld and slurmd as the current user from deploy/slurm/slurm.conf.in, every file (key,
#      sockets, state, spool, logs) in one temporary directory, ports chosen free on 127.0.0.1;
#   3. submits deploy/slurm/sweep.sbatch as a job array, cancels one array task mid-way (after it has written some
#      but not all of its points), requeues it, and checks that it resumes (skips the points it had finished);
#   4. submits the merge step with --dependency=afterok on the array and waits for it;
#   5. runs the same sweep unsharded in one process and compares sweep.csv and sweep.json byte for byte;
#   6. stops every daemon it started (also on failure) and removes the directory.
# If a daemon cannot start or a step fails, the test fails with the daemons' logs; it is never skipped.
#
# Environment: FACTORY_TWIN (the binary; default .build/debug/factory-twin, built if missing), KEEP=1 keeps the
# temporary directory for inspection.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
BIN=${FACTORY_TWIN:-$ROOT/.build/debug/factory-twin}
SCENARIO=Scenarios/reference-immersion.yaml
# 12 points (4 × 3) over 3 array tasks, 4 points per task; replications make a point last long enough to cancel a
# task between its first and its last point.
# The reference's training job needs 1,024 GPUs; the swept halls run without it (workload.kind=none, a one-value axis).
AXES=(--set facility.gpus=512,1024,2048,4096 --set heat_rejection.supply_setpoint=28°C,32°C,36°C --set workload.kind=none)
REPLICATIONS=${REPLICATIONS:-3}
TASKS=3

say() { echo "test-cluster: $*" >&2; }

SUDO=""; if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
missing=0
for tool in slurmctld slurmd sbatch scontrol squeue scancel munged munge; do
    if ! PATH="$PATH:/usr/sbin:/sbin" command -v "$tool" >/dev/null 2>&1; then missing=1; fi
done
if [ "$missing" = 1 ]; then
    say "installing Debian's slurm-wlm and munge with apt-get"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends slurm-wlm munge >/dev/null
fi
export PATH="$PATH:/usr/sbin:/sbin"

if [ ! -x "$BIN" ]; then say "building factory-twin"; swift build --product factory-twin >/dev/null; fi

DIR=$(mktemp -d "${TMPDIR:-/tmp}/factory-twin-slurm.XXXXXX")
chmod 755 "$DIR"
mkdir -p "$DIR/munge" "$DIR/munge-key" "$DIR/state" "$DIR/spool" "$DIR/log" "$DIR/out"
chmod 700 "$DIR/munge-key"; chmod 755 "$DIR/munge"
SOCKET="$DIR/munge/munge.socket"
export SLURM_CONF="$DIR/slurm.conf"

started=()
print_logs() {
    for f in "$DIR"/log/*.log "$DIR"/out/*.log; do
        [ -f "$f" ] || continue
        echo "----- $f (last 40 lines)"; tail -n 40 "$f"
    done >&2
}
stop_pidfile() {  # stop the daemon whose pid is in $1, waiting up to 10 s for it to exit
    local file=$1 pid
    [ -f "$file" ] || return 0
    pid=$(cat "$file" 2>/dev/null || true)
    [ -n "$pid" ] || return 0
    kill "$pid" 2>/dev/null || return 0
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
}
cleanup() {
    local status=$?
    set +e
    if [ "${#started[@]}" -gt 0 ]; then
        scancel --quiet --user="$(id -un)" 2>/dev/null
        stop_pidfile "$DIR/slurmd-$NODE.pid"
        stop_pidfile "$DIR/slurmctld.pid"
        stop_pidfile "$DIR/munge/munged.pid"
        say "stopped ${started[*]}"
    fi
    if [ "$status" != 0 ]; then print_logs; fi
    if [ "${KEEP:-0}" = 1 ]; then say "kept $DIR"; else rm -rf "$DIR"; fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
fail() { say "FAILED: $*"; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
NODE=$(hostname -s)
CPUS=$(nproc)
MEM=$(awk '/MemTotal/ {printf "%d", $2 / 1024 * 0.8}' /proc/meminfo)
sed -e "s#@DIR@#$DIR#g" -e "s#@NODE@#$NODE#g" -e "s#@USER@#$(id -un)#g" -e "s#@CPUS@#$CPUS#g" -e "s#@MEM@#$MEM#g" \
    -e "s#@CTLD_PORT@#$(free_port)#g" -e "s#@SLURMD_PORT@#$(free_port)#g" deploy/slurm/slurm.conf.in > "$SLURM_CONF"

# munged: its own key (1 KiB of random bytes, mode 0600 as munged(8) requires), socket, pid, seed and log.
dd if=/dev/urandom of="$DIR/munge-key/munge.key" bs=1024 count=1 status=none
chmod 600 "$DIR/munge-key/munge.key"
force=(); if [ "$(id -u)" = 0 ]; then force=(--force); fi  # munged refuses root without --force
munged "${force[@]}" --key-file="$DIR/munge-key/munge.key" --socket="$SOCKET" --pid-file="$DIR/munge/munged.pid" \
    --seed-file="$DIR/munge-key/munged.seed" --log-file="$DIR/log/munged.log" || fail "munged did not start"
started+=(munged)
munge -n --socket="$SOCKET" | unmunge --socket="$SOCKET" >/dev/null || fail "munge credential round trip failed"

slurmctld -f "$SLURM_CONF" || fail "slurmctld did not start"
started+=(slurmctld)
for _ in $(seq 1 100); do scontrol ping >/dev/null 2>&1 && break; sleep 0.2; done
scontrol ping >/dev/null 2>&1 || fail "slurmctld does not answer scontrol ping"
slurmd -f "$SLURM_CONF" || fail "slurmd did not start"
started+=(slurmd)
state=""
for _ in $(seq 1 150); do
    state=$(sinfo -h -n "$NODE" -o %T 2>/dev/null | head -n 1)
    [ "$state" = idle ] && break; sleep 0.2
done
[ "$state" = idle ] || fail "node $NODE is '$state', not idle, 30 s after slurmd started"
say "one-node cluster up: node $NODE ($CPUS CPUs, $MEM MB), slurm $(sinfo -V | awk '{print $2}')"

job_state() { scontrol show job "$1" 2>/dev/null | sed -n 's/.*JobState=\([A-Z_]*\).*/\1/p' | head -n 1; }
wait_state() {  # wait_state JOB 'STATE|STATE' SECONDS
    local job=$1 want=$2 seconds=$3 s=""
    for _ in $(seq 1 $((seconds * 5))); do
        s=$(job_state "$job"); if [[ "$s" =~ ^($want)$ ]]; then echo "$s"; return 0; fi; sleep 0.2
    done
    fail "job $job is '$s' after $seconds s (waited for $want)"
}
points_of_task() {  # the point files written by array task $1 (points i with i mod TASKS = task)
    local task=$1 n=0 f i
    for f in "$SWEEP"/points/point-*.json; do
        [ -f "$f" ] || continue
        i=$((10#$(basename "$f" .json | sed 's/point-//')))
        if [ $((i % TASKS)) = "$task" ]; then n=$((n + 1)); fi
    done
    echo "$n"
}

SWEEP="$DIR/sweep"
ARRAY=$(sbatch --parsable --array=0-$((TASKS - 1)) --cpus-per-task=1 --mem=1G --chdir="$ROOT" \
        --output="$DIR/out/sweep-%A_%a.log" --export=ALL,FACTORY_TWIN="$BIN",OUT="$SWEEP" \
        deploy/slurm/sweep.sbatch "$SCENARIO" "${AXES[@]}" --replications "$REPLICATIONS")
[ -n "$ARRAY" ] || fail "sbatch returned no job id"
say "submitted job array $ARRAY (tasks 0-$((TASKS - 1)), 12 points, $REPLICATIONS replications each)"

# Cancel task 1 once it has written at least one of its 4 points but not all of them.
VICTIM="${ARRAY}_1"
done_before=0
for _ in $(seq 1 1500); do
    done_before=$(points_of_task 1)
    if [ "$done_before" -ge 1 ]; then break; fi
    s=$(job_state "$VICTIM"); [[ "$s" =~ ^(FAILED|CANCELLED|TIMEOUT|NODE_FAIL|OUT_OF_MEMORY)$ ]] && fail "task $VICTIM ended $s"
    sleep 0.2
done
[ "$done_before" -ge 1 ] || fail "task $VICTIM wrote no point in 300 s"
scancel "$VICTIM"
cancelled_state=$(wait_state "$VICTIM" 'CANCELLED|COMPLETED' 30)
done_at_cancel=$(points_of_task 1)
[ "$cancelled_state" = CANCELLED ] || fail "task $VICTIM had finished (state $cancelled_state) before it could be cancelled mid-way; raise REPLICATIONS"
[ "$done_at_cancel" -lt 4 ] || fail "task $VICTIM had written all its points when cancelled; raise REPLICATIONS"
say "cancelled $VICTIM mid-way: $done_at_cancel of its 4 points written"
scontrol requeue "$VICTIM" || fail "scontrol requeue $VICTIM failed"
# A requeued batch job waits for a begin time (about two minutes here); let it start as soon as a CPU is free.
scontrol update JobId="$VICTIM" StartTime=now || fail "could not release the requeued $VICTIM"
say "requeued $VICTIM"

# afterok on each task, not on the array id: Slurm 22.05 marks "afterok:<array>" failed for good once any task was
# cancelled, even after that task is requeued and completes (seen here: DependencyNeverSatisfied).
DEPENDENCY="afterok:$(seq -s : -f "${ARRAY}_%g" 0 $((TASKS - 1)))"
MERGE=$(sbatch --parsable --dependency="$DEPENDENCY" --cpus-per-task=1 --mem=1G --chdir="$ROOT" \
        --output="$DIR/out/merge-%j.log" --wrap "'$BIN' merge '$SWEEP' --out '$DIR/merged'")
say "submitted merge job $MERGE --dependency=$DEPENDENCY"
wait_state "$MERGE" 'COMPLETED|FAILED|CANCELLED|TIMEOUT' 600 >/dev/null
merge_state=$(job_state "$MERGE")
[ "$merge_state" = COMPLETED ] || fail "merge job $MERGE ended $merge_state"
for task in 0 1 2; do
    s=$(job_state "${ARRAY}_$task"); [ "$s" = COMPLETED ] || fail "array task ${ARRAY}_$task ended $s"
done
resumed=$(sed -n 's/.*(\([0-9]*\) run now.*/\1/p' "$DIR/out/sweep-${ARRAY}_1.log" | tail -n 1)
[ -n "$resumed" ] || fail "the requeued task's log has no summary line"
[ "$resumed" -eq $((4 - done_at_cancel)) ] || fail "the requeued task ran $resumed points; expected $((4 - done_at_cancel)) (4 minus the $done_at_cancel it had written)"
say "requeued task resumed: ran the $resumed points it had not written"

"$BIN" sweep "$SCENARIO" "${AXES[@]}" --replications "$REPLICATIONS" --out "$DIR/whole" --quiet >/dev/null
for f in sweep.csv sweep.json; do
    cmp "$DIR/merged/$f" "$DIR/whole/$f" || fail "$f of the Slurm sweep differs from the unsharded sweep"
done
say "merged Slurm sweep = unsharded sweep, byte for byte (sweep.csv $(wc -c < "$DIR/whole/sweep.csv") B, sweep.json $(wc -c < "$DIR/whole/sweep.json") B)"
say "passed"
