#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: initdb in a temporary folder, a free port on 127.0.0.1, trust
# authentication for local connections only, no fsync (a test database need not survive a power cut).
#
#   scripts/test-postgres-cluster.sh start              # prints nothing; the cluster runs in the background
#   scripts/test-postgres-cluster.sh connection-string  # Host=127.0.0.1;Port=…;Username=postgres (for RMM_TEST_PG)
#   scripts/test-postgres-cluster.sh stop               # stops it and removes the folder
#
# As root the server runs as the postgres user (PostgreSQL refuses to run as root); otherwise as the caller.
# The cluster's locale is C.UTF-8, which every glibc has: a CI machine's LANG may name a locale it never generated,
# and initdb refuses to start on one.
set -euo pipefail
state=${RMM_PG_STATE:-/tmp/rmm-test-postgres}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)

as_owner() {
  local command="cd '$state' && LANG=C.UTF-8 LC_ALL=C.UTF-8 $*"
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$command"; else bash -c "$command"; fi
}

# On failure, say why: the logs are in the folder that stop removes.
explain() {
  echo "PostgreSQL did not start; its logs follow" >&2
  cat "$state/initdb.log" "$state/server.log" 2>/dev/null | tail -40 >&2
  exit 1
}

case "${1:-}" in
  start)
    [ -n "$bin" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }
    "$0" stop >/dev/null 2>&1 || true
    mkdir -p "$state"
    [ "$(id -u)" = 0 ] && chown postgres "$state"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    echo "$port" > "$state/port"
    as_owner "'$bin/initdb' -D '$state/data' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >'$state/initdb.log' 2>&1" || explain
    as_owner "'$bin/pg_ctl' -D '$state/data' -l '$state/server.log' -w -o \"-p $port -k '$state' -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300\" start >/dev/null" || explain
    ;;
  connection-string)
    echo "Host=127.0.0.1;Port=$(cat "$state/port");Username=postgres"
    ;;
  stop)
    # A folder left by a killed run has a postmaster.pid but no server: pg_ctl fails, and the folder goes all the same.
    if [ -f "$state/data/postmaster.pid" ]; then
      as_owner "'$bin/pg_ctl' -D '$state/data' -m fast -w stop >/dev/null 2>&1" || true
    fi
    rm -rf "$state"
    ;;
  *)
    echo "usage: $0 start|connection-string|stop" >&2
    exit 2
    ;;
esac
