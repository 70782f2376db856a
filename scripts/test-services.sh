#!/usr/bin/env bash
# Starts (start) or stops (stop) the PostgreSQL and RabbitMQ servers the scale-out tests run against, installing them
# first when missing (through install-test-prerequisites.sh: apt as root), on this machine
# only (loopback), and creates the test role on each. CI machines are fresh Debian images without a service manager
# we can count on, so the servers are started the way their packages allow without one: pg_ctlcluster for the
# Debian PostgreSQL cluster, `rabbitmq-server -detached` for RabbitMQ. A server already running is left as it is;
# `stop` stops only what `start` started (it leaves a marker file for each).
#
# The tests create a database and a vhost of their own per run and drop them afterwards; they read where the servers
# are from ECOBID_TEST_POSTGRES and ECOBID_TEST_RABBITMQ (defaults below match what this script sets up).
set -euo pipefail

state_dir=${ECOBID_TEST_SERVICES_STATE:-/tmp/ecobid-test-services}
pg_version=15
pg_cluster=main
pg_min_connections=300
test_user=ecobid_test
test_password=ecobid_test

mkdir -p "$state_dir"

as_postgres() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$1"; else sh -c "$1"; fi; }

wait_for_postgres() {
  for _ in $(seq 1 60); do
    as_postgres "psql -qtAc 'SELECT 1'" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
}

start_postgres() {
  if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    "$(dirname "$0")/install-test-prerequisites.sh"
  fi
  if ! pg_lsclusters -h 2>/dev/null | awk -v v="$pg_version" -v c="$pg_cluster" '$1 == v && $2 == c' | grep -q .; then
    echo "Creating the PostgreSQL $pg_version/$pg_cluster cluster"
    pg_createcluster "$pg_version" "$pg_cluster" >/dev/null
  fi
  if ! pg_lsclusters -h | awk -v v="$pg_version" -v c="$pg_cluster" '$1 == v && $2 == c {print $4}' | grep -q online; then
    echo "Starting PostgreSQL $pg_version/$pg_cluster"
    pg_ctlcluster "$pg_version" "$pg_cluster" start
    touch "$state_dir/postgres-started"
  fi
  wait_for_postgres
  # The test role may create databases (one per test run) and owns what it creates.
  as_postgres "psql -qtAc \"DO \\\$\\\$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$test_user') THEN
        CREATE ROLE $test_user LOGIN CREATEDB PASSWORD '$test_password';
      END IF;
    END \\\$\\\$;\"" >/dev/null
  # Debian's default of 100 connections is too few for the server suite's PostgreSQL pass: every test app has a pool
  # of its own, and several run at once. Past the limit PostgreSQL refuses new sessions (53300) and the apps rightly
  # answer 503, which fails tests that have nothing to do with capacity. Raised once; it takes a restart.
  if [ "$(as_postgres "psql -qtAc 'SHOW max_connections'")" -lt "$pg_min_connections" ]; then
    echo "Raising PostgreSQL's max_connections to $pg_min_connections (restarts $pg_version/$pg_cluster)"
    as_postgres "psql -qtAc 'ALTER SYSTEM SET max_connections = $pg_min_connections'" >/dev/null
    pg_ctlcluster "$pg_version" "$pg_cluster" restart
    wait_for_postgres
  fi
}

rabbit_up() { rabbitmqctl -q status >/dev/null 2>&1; }

start_rabbitmq() {
  if ! command -v rabbitmq-server >/dev/null 2>&1; then
    "$(dirname "$0")/install-test-prerequisites.sh"
  fi
  # The management plugin serves queue depths and vhost administration over HTTP (port 15672).
  rabbitmq-plugins --offline enable rabbitmq_management >/dev/null
  if ! rabbit_up; then
    echo "Starting RabbitMQ"
    rabbitmq-server -detached >/dev/null 2>&1 || true
    touch "$state_dir/rabbitmq-started"
  fi
  rabbitmqctl -q wait --timeout 60 "/var/lib/rabbitmq/mnesia/rabbit@$(hostname -s).pid" >/dev/null 2>&1 ||
    rabbitmqctl -q await_startup --timeout 60 >/dev/null
  if ! rabbitmqctl -q list_users | awk '{print $1}' | grep -qx "$test_user"; then
    rabbitmqctl -q add_user "$test_user" "$test_password" >/dev/null
  fi
  # The test user creates and deletes a vhost per run, through the management API.
  rabbitmqctl -q set_user_tags "$test_user" administrator >/dev/null
  for _ in $(seq 1 60); do
    curl -fsS -u "$test_user:$test_password" http://127.0.0.1:15672/api/overview >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "RabbitMQ's management API did not answer on 127.0.0.1:15672." >&2
  return 1
}

stop_services() {
  if [ -f "$state_dir/rabbitmq-started" ]; then
    rabbitmqctl -q stop >/dev/null 2>&1 || true
    rm -f "$state_dir/rabbitmq-started"
  fi
  if [ -f "$state_dir/postgres-started" ]; then
    pg_ctlcluster "$pg_version" "$pg_cluster" stop >/dev/null 2>&1 || true
    rm -f "$state_dir/postgres-started"
  fi
}

case "${1:-}" in
  start)
    start_postgres
    start_rabbitmq
    echo "Test services are up: PostgreSQL on 127.0.0.1:5432, RabbitMQ on 127.0.0.1:5672 (user $test_user)"
    ;;
  stop) stop_services ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
