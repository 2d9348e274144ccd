#!/usr/bin/env bash
# A private single-node Slurm for the Slurm test (test/slurm/slurm.test.ts), all of it in one
# folder: its own munge key and munged (run as the munge user, on a socket in the folder),
# slurmctld and slurmd as root on two free loopback ports, proctrack/linuxproc, task/none,
# no accounting. It touches nothing outside the folder, so it can run beside another Slurm.
# DIR's parent folders must let the munge user through (mode 755).
#   test/slurm/cluster.sh start DIR   # prints nothing; SLURM_CONF=DIR/slurm.conf then works
#   test/slurm/cluster.sh stop DIR    # stops the three daemons it started (by their pid files)
set -euo pipefail
cmd="$1"
dir="$(cd "$2" && pwd)"

free_port() {
  node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })'
}

stop() {
  for pidfile in "$dir/slurmd.pid" "$dir/slurmctld.pid" "$dir/munge/munged.pid"; do
    [ -s "$pidfile" ] || continue
    pid="$(cat "$pidfile")"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$pidfile"
  done
}

start() {
  chmod 755 "$dir"
  mkdir -p "$dir/munge" "$dir/state" "$dir/spool"
  head -c 1024 /dev/urandom > "$dir/munge/munge.key"
  chown -R munge:munge "$dir/munge"
  chmod 700 "$dir/munge"
  chmod 400 "$dir/munge/munge.key"
  runuser -u munge -- munged --force --socket="$dir/munge/munge.sock" --key-file="$dir/munge/munge.key" \
    --pid-file="$dir/munge/munged.pid" --log-file="$dir/munge/munged.log" --seed-file="$dir/munge/munged.seed"

  local host node_name ctld_port slurmd_port
  host="$(hostname -s)"
  node_name="persim-$(basename "$dir" | tr -c 'a-zA-Z0-9\n' '-')"
  ctld_port="$(free_port)"
  slurmd_port="$(free_port)"
  while [ "$slurmd_port" = "$ctld_port" ]; do slurmd_port="$(free_port)"; done
  cat > "$dir/slurm.conf" <<CONF
ClusterName=persimtest
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$dir/munge/munge.sock
CredType=cred/munge
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SlurmdParameters=config_overrides
ReturnToService=2
MpiDefault=none
JobCompType=jobcomp/none
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
MinJobAge=600
KillWait=5
InactiveLimit=0
NodeName=$node_name NodeHostname=$host NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=persim Nodes=$node_name Default=YES MaxTime=INFINITE State=UP
CONF
  slurmctld -f "$dir/slurm.conf" -i
  slurmd -f "$dir/slurm.conf" -N "$node_name"
  for _ in $(seq 100); do
    if SLURM_CONF="$dir/slurm.conf" sinfo -h -o %T 2>/dev/null | grep -qx idle; then return 0; fi
    sleep 0.2
  done
  echo "the private Slurm did not come up; its logs:" >&2
  tail -n 20 "$dir/slurmctld.log" "$dir/slurmd.log" "$dir/munge/munged.log" >&2 || true
  stop
  return 1
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
