#!/usr/bin/env bash
# EcoBid scaled out on one machine: PostgreSQL (state, outbox, timers), RabbitMQ (queues, live pushes), two api
# processes, two worker processes and one URL in front of the api processes (`ecobid proxy`: HTTP and WebSockets).
#
#   scripts/cluster.sh up       build, start everything, wait until the URL answers ready
#   scripts/cluster.sh status   each process: running or not, and its readiness
#   scripts/cluster.sh down     stop the processes (PostgreSQL and RabbitMQ keep running, with the data)
#
# PostgreSQL and RabbitMQ are installed with apt when missing and started as the test script does
# (scripts/test-services.sh). The cluster's database and vhost are both named ecobid_cluster, owned by the role and
# user ecobid_cluster. Everything else lives in .cluster/ (the build, logs, pids, and the data folder the processes
# share on this machine: the token signing key, the web client's keys, photos).
# Settings: ECOBID_CLUSTER_PORT (8080, the one URL; the api processes take the next two ports, the workers +11 and
# +12), ECOBID_CLUSTER_PASSWORD (ecobid_cluster), ECOBID_CLUSTER_NAME (ecobid_cluster: the database, vhost, role and
# user), ECOBID_CLUSTER_ROOT (.cluster), so that a second cluster (a test's) can run beside yours.
set -euo pipefail
cd "$(dirname "$0")/.."

root=${ECOBID_CLUSTER_ROOT:-.cluster}
port=${ECOBID_CLUSTER_PORT:-8080}
password=${ECOBID_CLUSTER_PASSWORD:-ecobid_cluster}
name=${ECOBID_CLUSTER_NAME:-ecobid_cluster}
api_ports=($((port + 1)) $((port + 2)))
worker_ports=($((port + 11)) $((port + 12)))

as_postgres() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$1"; else sh -c "$1"; fi; }

running() { [ -f "$root/pids/$1" ] && kill -0 "$(cat "$root/pids/$1")" 2>/dev/null; }

wait_ready() { # url seconds
  for _ in $(seq 1 $(($2 * 2))); do
    curl -fsS "$1/health/ready" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  return 1
}

prepare_services() {
  ECOBID_TEST_SERVICES_STATE="$root/services" scripts/test-services.sh start >/dev/null
  as_postgres "psql -qtAc \"DO \\\$\\\$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$name') THEN
        CREATE ROLE $name LOGIN PASSWORD '$password';
      END IF;
    END \\\$\\\$;\"" >/dev/null
  if ! as_postgres "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname = '$name'\"" | grep -q 1; then
    as_postgres "createdb -O $name $name"
  fi
  rabbitmqctl -q list_users | awk '{print $1}' | grep -qx "$name" || rabbitmqctl -q add_user "$name" "$password" >/dev/null
  rabbitmqctl -q list_vhosts | grep -qx "$name" || rabbitmqctl -q add_vhost "$name" >/dev/null
  rabbitmqctl -q set_permissions -p "$name" "$name" '.*' '.*' '.*' >/dev/null
}

start() { # name role port
  local log="$root/logs/$1.log"
  (
    export ECOBID_DATA_DIR="$(cd "$root" && pwd)/data" Role="$2" ASPNETCORE_URLS="http://127.0.0.1:$3"
    export Storage=postgres Queues=rabbitmq
    # Four processes share the server's connections: 4 x (50 pooled + 1 relay-lease session) stays under its 300.
    export Postgres__ConnectionString="Host=127.0.0.1;Port=5432;Database=$name;Username=$name;Password=$password;Maximum Pool Size=50"
    export RabbitMq__ConnectionString="amqp://$name:$password@127.0.0.1:5672/$name"
    exec dotnet "$root/app/ecobid.dll"
  ) >"$log" 2>&1 &
  echo $! >"$root/pids/$1"
}

up() {
  mkdir -p "$root/logs" "$root/pids" "$root/data"
  prepare_services
  echo "Building EcoBid into $root/app"
  dotnet publish src/EcoBid.Server -c Release -o "$root/app" -nologo -v quiet >/dev/null
  # The first process makes the shared keys in the data folder and migrates the database; the others then find both.
  local i
  for i in 1 2; do
    if ! running "api$i"; then start "api$i" api "${api_ports[$((i - 1))]}"; fi
    wait_ready "http://127.0.0.1:${api_ports[$((i - 1))]}" 90 || { echo "api$i did not become ready; see $root/logs/api$i.log" >&2; exit 1; }
  done
  for i in 1 2; do
    if ! running "worker$i"; then start "worker$i" worker "${worker_ports[$((i - 1))]}"; fi
    wait_ready "http://127.0.0.1:${worker_ports[$((i - 1))]}" 90 || { echo "worker$i did not become ready; see $root/logs/worker$i.log" >&2; exit 1; }
  done
  if ! running proxy; then
    dotnet "$root/app/ecobid.dll" proxy --listen "http://localhost:$port" \
      --to "http://127.0.0.1:${api_ports[0]},http://127.0.0.1:${api_ports[1]}" >"$root/logs/proxy.log" 2>&1 &
    echo $! >"$root/pids/proxy"
  fi
  wait_ready "http://localhost:$port" 60 || { echo "The proxy did not answer; see $root/logs/proxy.log" >&2; exit 1; }
  echo "EcoBid is up on http://localhost:$port (2 api, 2 workers; PostgreSQL and RabbitMQ database/vhost $name)"
}

status() {
  local process state
  for process in proxy api1 api2 worker1 worker2; do
    state=stopped
    if running "$process"; then state="running (pid $(cat "$root/pids/$process"))"; fi
    printf '%-8s %s\n' "$process" "$state"
  done
  if curl -fsS "http://localhost:$port/health/ready" >/dev/null 2>&1; then
    echo "http://localhost:$port is ready"
  else
    echo "http://localhost:$port is not ready"
    return 1
  fi
}

down() {
  local process
  for process in proxy api1 api2 worker1 worker2; do
    if running "$process"; then kill "$(cat "$root/pids/$process")"; fi
  done
  for process in proxy api1 api2 worker1 worker2; do
    for _ in $(seq 1 40); do running "$process" || break; sleep 0.25; done
    rm -f "$root/pids/$process"
  done
  echo "EcoBid's processes are stopped (PostgreSQL and RabbitMQ keep running with the data)."
}

case "${1:-}" in
  up) up ;;
  status) status ;;
  down) down ;;
  *)
    echo "usage: $0 up|status|down" >&2
    exit 2
    ;;
esac
