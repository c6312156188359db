#!/usr/bin/env bash
# Scale-out, proven without a Docker engine: the published app as two replicas behind the real
# nginx/replicas-default.conf, on one PostgreSQL database and one Redis, as the compose "scale" profile runs them. The release
# step (migrator + static assets) runs once, then both replicas start with ROLE=web. Checks: requests alternate,
# a sign-in holds on both, a write on one is on the other's next page, the sign-in limit counts across both, a job
# runs once, and kill -9 of one replica under load loses no acknowledged write. Every wait is bounded.
# Usage: etc/docker/smoke-test-replicas.sh [published app folder]   (smoke-test.sh passes its own; KEEP_SMOKE_DIR=1)
set -euo pipefail
cd "$(dirname "$0")/../.."

NGINX=/usr/sbin/nginx
WORK="$(mktemp -d /tmp/rmm-replicas.XXXXXX)"
chmod 755 "$WORK"
DATA="$WORK/data"
STATIC="$WORK/static"
REDIS_PID=""
NGINX_PID=""
PIDS=("" "")
failures=0

log() { printf '%s\n' "$*"; }
pass() { printf 'ok    %s\n' "$*"; }
fail() { printf 'FAIL  %s\n' "$*"; failures=$((failures + 1)); }
die() { printf 'FAIL  %s\n' "$*"; exit 1; }

stop_pid() { # pid, seconds: TERM, then KILL after the grace period
    local pid="$1" grace="${2:-10}"
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq $((grace * 10))); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
}

cleanup() {
    local status=$?
    stop_pid "${PIDS[0]}" 5
    stop_pid "${PIDS[1]}" 5
    stop_pid "$NGINX_PID" 5
    stop_pid "$REDIS_PID" 5
    RMM_PG_STATE="$WORK/pg" scripts/test-postgres-cluster.sh stop >/dev/null 2>&1 || true
    if [ "$status" -ne 0 ] || [ "$failures" -ne 0 ]; then
        for file in "$WORK"/*.log "$WORK"/nginx/error.log; do
            [ -s "$file" ] || continue
            log "----- last lines of $file"
            tail -n 25 "$file"
        done
    fi
    if [ "${KEEP_SMOKE_DIR:-0}" = 1 ]; then log "work folder kept: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
REDIS_PORT="$(free_port)"
NGINX_PORT="$(free_port)"
PORTS=("$(free_port)" "$(free_port)")
SECRET_KEY_VALUE="smoke-$(python3 -c 'import secrets; print(secrets.token_urlsafe(36))')"
ADMIN_EMAIL_VALUE="keeper@smoke-replicas.ac.uk"
ADMIN_PASSWORD_VALUE="Scale-out-guard-2026"

APP="${1:-}"
if [ -z "$APP" ]; then
    APP="$WORK/app"
    log "== publish the web host and the DbMigrator into $APP"
    dotnet publish host/RateMyModule.DbMigrator/RateMyModule.DbMigrator.csproj -c Release -o "$APP" --nologo -v quiet >"$WORK/publish.log" 2>&1 \
        && dotnet publish host/RateMyModule.Web/RateMyModule.Web.csproj -c Release -o "$APP" --nologo -v quiet >>"$WORK/publish.log" 2>&1 \
        || { cat "$WORK/publish.log"; die "dotnet publish failed"; }
fi
cp etc/docker/entrypoint.sh "$APP/entrypoint.sh"

# What compose gives every app container of the scale profile: one PostgreSQL database, one Redis, production
# settings. DATA_DIR holds only the mails EMAIL_TO_CONSOLE writes.
run_entrypoint() { # log file, then VAR=value pairs; runs in the background, prints nothing; sets LAST_PID
    local logfile="$1"; shift
    env -i PATH="$PATH" HOME="${HOME:-/root}" TMPDIR="${TMPDIR:-/tmp}" ${DOTNET_ROOT:+DOTNET_ROOT="$DOTNET_ROOT"} \
        DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 \
        APP_DIR="$APP" STATIC_ROOT="$STATIC" DATA_DIR="$DATA" REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0" \
        DATABASE_PROVIDER=postgres DATABASE_URL="$DATABASE_URL_VALUE" \
        PRODUCTION=true DEBUG=false LOG_LEVEL=WARNING SECRET_KEY="$SECRET_KEY_VALUE" \
        ALLOWED_HOSTS="127.0.0.1,localhost" PUBLIC_URL="http://localhost:$NGINX_PORT" EMAIL_TO_CONSOLE=true \
        ADMIN_EMAIL="$ADMIN_EMAIL_VALUE" ADMIN_PASSWORD="$ADMIN_PASSWORD_VALUE" BackgroundJobs__PollInterval=00:00:00.500 \
        "$@" sh "$APP/entrypoint.sh" >"$logfile" 2>&1 &
    LAST_PID=$!
}

http_status() { curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$@" || true; }

log "== 1. one Redis on 127.0.0.1:$REDIS_PORT"
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --dir "$WORK" >"$WORK/redis.log" 2>&1 &
REDIS_PID=$!
for _ in $(seq 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && pass "redis-server answers" || die "redis-server did not start (apt-get install redis-server)"

log "== 1b. one PostgreSQL (a throwaway cluster, as CI's tests use) with an empty database"
RMM_PG_STATE="$WORK/pg" scripts/test-postgres-cluster.sh start || die "PostgreSQL did not start (apt-get install postgresql)"
PG_PORT="$(cat "$WORK/pg/port")"
DATABASE_URL_VALUE="postgres://postgres@127.0.0.1:$PG_PORT/ratemymodule"
psql -X -q -d "postgresql://postgres@127.0.0.1:$PG_PORT/postgres" -c "CREATE DATABASE ratemymodule" \
    && pass "PostgreSQL answers on 127.0.0.1:$PG_PORT" || die "could not create the database"

log "== 2. the release step once (ROLE=release: migrate, seed, copy static assets), then two replicas (ROLE=web)"
run_entrypoint "$WORK/release.log" ROLE=release
release_pid=$LAST_PID
if wait "$release_pid"; then pass "the release step finished (exit 0)"; else die "the release step failed"; fi
grep -q "entrypoint: release step done" "$WORK/release.log" && ! grep -q "starting the web host" "$WORK/release.log" \
    && pass "the release step migrated and exited without serving" || fail "release step log: $(tail -n 3 "$WORK/release.log")"
for i in 0 1; do
    run_entrypoint "$WORK/replica$((i + 1)).log" ROLE=web APP_PORT="${PORTS[$i]}"
    PIDS[$i]=$LAST_PID
done
deadline=$((SECONDS + 240))
for i in 0 1; do
    until [ "$(http_status "http://127.0.0.1:${PORTS[$i]}/health/ready")" = 200 ]; do
        kill -0 "${PIDS[$i]}" 2>/dev/null || die "replica $((i + 1)) exited: $(tail -n 5 "$WORK/replica$((i + 1)).log")"
        [ $SECONDS -lt $deadline ] || die "replica $((i + 1)) was not ready within 240 s"
        sleep 0.2
    done
    pass "replica $((i + 1)) is ready on port ${PORTS[$i]}"
done
grep -q "Database migration" "$WORK/replica1.log" "$WORK/replica2.log" && fail "a replica ran the migrator" || pass "neither replica migrated (the release step did)"

log "== 3. nginx with the real replicas-default.conf on 127.0.0.1:$NGINX_PORT"
mkdir -p "$WORK/nginx/tmp"
sed -e "s#server ratemymoduleapp1:8000 #server 127.0.0.1:${PORTS[0]} #" \
    -e "s#server ratemymoduleapp2:8000 #server 127.0.0.1:${PORTS[1]} #" \
    -e "s#alias /static/;#alias $STATIC/;#" \
    -e "s#root /static;#root $STATIC;#" \
    -e "s#listen 80 default_server;#listen 127.0.0.1:$NGINX_PORT default_server;#" \
    etc/docker/nginx/replicas-default.conf >"$WORK/nginx/default.conf"
grep -q -e 'ratemymoduleapp' -e ' /static/;' -e 'root /static;' -e 'listen 80 ' "$WORK/nginx/default.conf" \
    && die "the replicas conf changed shape: a substitution did not apply"
cat >"$WORK/nginx/nginx.conf" <<EOF
daemon off;
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    log_format upstreams '\$status \$upstream_addr "\$request"';
    access_log $WORK/nginx/access.log upstreams;
    client_body_temp_path $WORK/nginx/tmp/body;
    proxy_temp_path $WORK/nginx/tmp/proxy;
    fastcgi_temp_path $WORK/nginx/tmp/fastcgi;
    uwsgi_temp_path $WORK/nginx/tmp/uwsgi;
    scgi_temp_path $WORK/nginx/tmp/scgi;
    include $WORK/nginx/default.conf;
}
EOF
chmod -R a+rX "$STATIC"
"$NGINX" -t -q -p "$WORK/nginx" -e "$WORK/nginx/error.log" -c "$WORK/nginx/nginx.conf" || die "nginx rejects the generated configuration"
"$NGINX" -p "$WORK/nginx" -e "$WORK/nginx/error.log" -c "$WORK/nginx/nginx.conf" &
NGINX_PID=$!
for _ in $(seq 50); do [ "$(http_status "http://127.0.0.1:$NGINX_PORT/nginx-health")" = 200 ] && break; sleep 0.1; done
[ "$(http_status "http://127.0.0.1:$NGINX_PORT/nginx-health")" = 200 ] && pass "nginx is up" || die "nginx did not start"

log "== 4. through nginx and straight at each replica"
set +e
python3 etc/docker/smoke-replicas.py \
    --proxy "http://127.0.0.1:$NGINX_PORT" --replica "http://127.0.0.1:${PORTS[0]}" --replica "http://127.0.0.1:${PORTS[1]}" \
    --kill-pid "${PIDS[1]}" --access-log "$WORK/nginx/access.log" --data "$DATA" --database-url "postgresql://postgres@127.0.0.1:$PG_PORT/ratemymodule" \
    --admin-email "$ADMIN_EMAIL_VALUE" --admin-password "$ADMIN_PASSWORD_VALUE"
checks=$?
set -e
[ "$checks" -eq 0 ] || failures=$((failures + checks))

if grep -rqF -- "$SECRET_KEY_VALUE" "$WORK"/*.log; then fail "SECRET_KEY appears in a log"; else pass "SECRET_KEY appears in no log"; fi
if [ "$failures" -ne 0 ]; then
    log "replicas smoke test: $failures check(s) failed"
    exit 1
fi
log "replicas smoke test: all checks passed"
