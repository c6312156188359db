#!/usr/bin/env bash
# The container, proven without a Docker engine: publish the two apps laid out as the image's /app, run the real
# entrypoint.sh with production variables, put the real nginx channel conf in front of it, and check what the
# image and compose rely on. Every wait is bounded; processes are stopped even when a check fails.
# Usage: etc/docker/smoke-test.sh   (KEEP_SMOKE_DIR=1 keeps the work folder with its logs)
#   PUBLISH_CONFIGURATION: Release by default, as the image. CI passes Debug, the build its tests just ran, which
#   publish then finds up to date instead of compiling every project again (under 20 s against a minute and a half of
#   CI's twenty); the files and their layout are the same, and the pipeline's image job builds the Dockerfile's own.
set -euo pipefail
cd "$(dirname "$0")/../.."

NGINX=/usr/sbin/nginx
WORK="$(mktemp -d /tmp/rmm-smoke.XXXXXX)"
chmod 755 "$WORK" # nginx's workers run as an unprivileged user and must reach the static folder
APP="$WORK/app"
DATA="$WORK/data"
STATIC="$WORK/static"
ENTRY_PID=""
NGINX_PID=""
failures=0

log() { printf '%s\n' "$*"; }
pass() { printf 'ok    %s\n' "$*"; }
fail() { printf 'FAIL  %s\n' "$*"; failures=$((failures + 1)); }
die() { printf 'FAIL  %s\n' "$*"; exit 1; }

stop_pid() { # pid, seconds: TERM, then KILL if it is still there after the grace period
    local pid="$1" grace="${2:-10}"
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq $((grace * 10))); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
}

cleanup() {
    local status=$?
    stop_pid "$ENTRY_PID" 5
    stop_pid "$NGINX_PID" 5
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
APP_PORT="$(free_port)"
NGINX_PORT="$(free_port)"
SECRET_KEY_VALUE="smoke-$(python3 -c 'import secrets; print(secrets.token_urlsafe(36))')"

# Only what production gives the container: no ASPNETCORE_ENVIRONMENT (so the host runs as Production), the
# guide's variables, and the path overrides the entrypoint honours.
run_entrypoint() { # log file, then extra VAR=value pairs; starts in the background and sets ENTRY_PID
    local logfile="$1"; shift
    env -i PATH="$PATH" HOME="${HOME:-/root}" TMPDIR="${TMPDIR:-/tmp}" ${DOTNET_ROOT:+DOTNET_ROOT="$DOTNET_ROOT"} \
        DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 \
        APP_DIR="$APP" STATIC_ROOT="$STATIC" APP_PORT="$APP_PORT" DATA_DIR="$DATA" \
        PRODUCTION=true DEBUG=false LOG_LEVEL=INFO SECRET_KEY="$SECRET_KEY_VALUE" \
        ALLOWED_HOSTS="127.0.0.1,localhost" PUBLIC_URL="http://localhost:$NGINX_PORT" EMAIL_TO_CONSOLE=true ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS=3 \
        "$@" sh "$APP/entrypoint.sh" >"$logfile" 2>&1 &
    ENTRY_PID=$!
}

http_status() { curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$@" || true; }

wait_until_ready() { # seconds; 0 when /health/ready answers 200 directly from the app
    local deadline=$((SECONDS + $1))
    while [ $SECONDS -lt $deadline ]; do
        kill -0 "$ENTRY_PID" 2>/dev/null || return 1
        case "$(http_status "http://127.0.0.1:$APP_PORT/health/ready")" in
            200) return 0 ;;
            404) log "the host answers but does not map /health/ready (the host's health endpoints, issue 2)"; return 1 ;;
        esac
        sleep 0.2
    done
    return 1
}

wait_for_exit() { # pid, seconds; sets EXIT_STATUS to the exit status, or "timeout" (no $(...): wait needs this shell)
    local pid="$1" deadline=$((SECONDS + $2))
    while kill -0 "$pid" 2>/dev/null; do
        if [ $SECONDS -ge $deadline ]; then EXIT_STATUS=timeout; return; fi
        sleep 0.1
    done
    EXIT_STATUS=0
    wait "$pid" || EXIT_STATUS=$?
}

line_of() { grep -n -m1 -F -- "$1" "$2" | cut -d: -f1; }

configuration="${PUBLISH_CONFIGURATION:-Release}"
publish_options=(-c "$configuration" -o "$APP" --nologo -v quiet)
log "== 1. publish the web host and the DbMigrator ($configuration) into $APP (the image's /app)"
dotnet publish host/RateMyModule.DbMigrator/RateMyModule.DbMigrator.csproj "${publish_options[@]}" >"$WORK/publish.log" 2>&1 \
    && dotnet publish host/RateMyModule.Web/RateMyModule.Web.csproj "${publish_options[@]}" >>"$WORK/publish.log" 2>&1 \
    || { cat "$WORK/publish.log"; die "dotnet publish failed"; }
cp etc/docker/entrypoint.sh "$APP/entrypoint.sh"
log "published app size: $(du -sh "$APP" | cut -f1) ($(find "$APP" -type f | wc -l) files)"

log "== 2. first start: the real entrypoint.sh with production variables, fresh data directory"
started=$EPOCHREALTIME
run_entrypoint "$WORK/first.log"
if wait_until_ready 120; then
    ready=$EPOCHREALTIME
    pass "the host answers /health/ready with 200 on port $APP_PORT"
    log "entrypoint start to first healthy response: $(python3 -c "print(f'{$ready - $started:.1f}')") s"
else
    die "the host did not become ready within 120 s"
fi

migrated=$(line_of "Database migration finished." "$WORK/first.log")
web_start=$(line_of "entrypoint: starting the web host" "$WORK/first.log")
listening=$(line_of "Now listening on" "$WORK/first.log")
if [ -n "$migrated" ] && [ -n "$web_start" ] && [ -n "$listening" ] && [ "$migrated" -lt "$web_start" ] && [ "$web_start" -lt "$listening" ]; then
    pass "the migrator finished (log line $migrated) before the web host started (line $web_start, listening at line $listening)"
else
    fail "log order: migration finished at '${migrated:-none}', web start at '${web_start:-none}', listening at '${listening:-none}'"
fi
[ -f "$DATA/ratemymodule.db" ] && pass "the database was created in DATA_DIR" || fail "no ratemymodule.db in DATA_DIR"
[ -f "$STATIC/robots.txt" ] && pass "static assets were copied to STATIC_ROOT" || fail "robots.txt missing from STATIC_ROOT"

key_ring=$(python3 - "$DATA/ratemymodule.db" <<'PY'
import sqlite3, sys
rows = [r[0] or "" for r in sqlite3.connect(sys.argv[1]).execute('SELECT "Xml" FROM "FwDataProtectionKeys"')]
print("encrypted" if rows and all("secretKeyEncryptedKey" in r and "<masterKey" not in r for r in rows) else f"plain ({len(rows)} keys)")
PY
)
[ "$key_ring" = encrypted ] && pass "the data-protection key ring is stored encrypted with SECRET_KEY" || fail "key ring: $key_ring"

log "== 3. nginx with the real latest-default.conf on 127.0.0.1:$NGINX_PORT"
mkdir -p "$WORK/nginx/tmp"
sed -e "s#http://latestratemymoduleapp:8000#http://127.0.0.1:$APP_PORT#" \
    -e "s#alias /static/;#alias $STATIC/;#" \
    -e "s#root /static;#root $STATIC;#" \
    -e "s#listen 80 default_server;#listen 127.0.0.1:$NGINX_PORT default_server;#" \
    etc/docker/nginx/latest-default.conf >"$WORK/nginx/default.conf"
grep -q -e 'latestratemymoduleapp:' -e ' /static/;' -e 'root /static;' -e 'listen 80 ' "$WORK/nginx/default.conf" \
    && die "the channel conf changed shape: a substitution did not apply"
cat >"$WORK/nginx/nginx.conf" <<EOF
daemon off;
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 64; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log $WORK/nginx/access.log;
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

log "== 4. through the proxy"
PROXY="http://127.0.0.1:$NGINX_PORT"
for path in / /health/live /health/ready; do
    status=$(http_status "$PROXY$path")
    [ "$status" = 200 ] && pass "GET $path through nginx: 200" || fail "GET $path through nginx: $status"
done

header() { curl -s -D - -o /dev/null --max-time 5 "${@:2}" | tr -d '\r' | grep -i "^$1:" | head -n1 | cut -d' ' -f2-; }
check_static() { # url path, expected Cache-Control
    local status cache
    status=$(http_status "$PROXY$1")
    cache=$(header Cache-Control "$PROXY$1")
    if [ "$status" = 200 ] && [ "$cache" = "$2" ]; then
        pass "GET $1 from nginx: 200, Cache-Control: $cache"
    else
        fail "GET $1: status $status, Cache-Control '${cache}' (expected '$2')"
    fi
}
short="public, max-age=3600"
immutable="public, max-age=31536000, immutable"
check_static /static/robots.txt "$short"
check_static /robots.txt "$short"
check_static "/static/robots.txt?v=fingerprint123" "$immutable"
# Assets the host layout brings (issue 2): checked whenever this build publishes them.
for asset in css/site.css lib/bootstrap/dist/css/bootstrap.min.css lib/htmx/dist/htmx.min.js; do
    if [ -f "$APP/wwwroot/$asset" ]; then
        check_static "/static/$asset" "$short"
        check_static "/$asset?v=fingerprint123" "$immutable"
    fi
done
encoding=$(header Content-Encoding -H 'Accept-Encoding: gzip' "$PROXY/")
[ "$encoding" = gzip ] && pass "pages are gzip-compressed by nginx" || fail "GET / with Accept-Encoding gzip: Content-Encoding '$encoding'"
status=$(http_status -H 'Host: attacker.invalid' "$PROXY/")
[ "$status" = 400 ] && pass "a Host outside ALLOWED_HOSTS is refused (400)" || fail "Host outside ALLOWED_HOSTS: $status"
# nginx sets X-Forwarded-Host to the Host it accepted, so a client's own never reaches the app (the app refuses one
# outside ALLOWED_HOSTS too: ForwardedHostTests).
forwarded_body=$(curl -s --max-time 5 -H 'X-Forwarded-Host: attacker.invalid' "$PROXY/" || true)
status=$(http_status -H 'X-Forwarded-Host: attacker.invalid' "$PROXY/")
if [ "$status" = 200 ] && ! grep -q 'attacker.invalid' <<<"$forwarded_body"; then
    pass "a client's X-Forwarded-Host is replaced by nginx's own (200, never reflected)"
else
    fail "a client's X-Forwarded-Host through nginx: $status"
fi

# Two clients behind the host's TLS proxy (which names them in X-Forwarded-For): one using up its sign-in attempts
# must not lock the other out, as it would if the app saw every client as nginx's one address.
sign_in_as() { curl -s -o /dev/null -w '%{http_code}' --max-time 5 -H "X-Forwarded-For: $1" -X POST -d 'Input.Email=x' "$PROXY/Account/Login" || true; }
first=""
for _ in $(seq 12); do first=$(sign_in_as 198.51.100.1); done
second=$(sign_in_as 198.51.100.2)
if [ "$first" = 429 ] && [ "$second" != 429 ]; then
    pass "the sign-in limit is per client behind the proxy (first client 429, second $second)"
else
    fail "sign-in limit behind the proxy: first client $first after 12 attempts, second client $second"
fi
retry_after=$(curl -s -D - -o /dev/null --max-time 5 -H "X-Forwarded-For: 198.51.100.1" -X POST -d 'Input.Email=x' "$PROXY/Account/Login" | tr -d '\r' | sed -n 's/^[Rr]etry-[Aa]fter: //p')
[ -n "$retry_after" ] && pass "a 429 says when to retry (Retry-After: $retry_after)" || fail "a 429 without Retry-After"

log "== 5. SIGTERM to the entrypoint's process stops the host"
term_started=$EPOCHREALTIME
kill -TERM "$ENTRY_PID"
wait_for_exit "$ENTRY_PID" 15
status=$EXIT_STATUS
ENTRY_PID=""
if [ "$status" = 0 ]; then
    pass "the host stopped cleanly (exit 0) $(python3 -c "print(f'{$EPOCHREALTIME - $term_started:.1f}')") s after SIGTERM"
else
    fail "after SIGTERM the host exit status is '$status' (expected 0 within 15 s)"
fi

log "== 6. a second start on the same database is harmless"
run_entrypoint "$WORK/second.log"
if wait_until_ready 120; then
    pass "the host is ready again over the existing database"
    grep -q "Framework: up to date" "$WORK/second.log" && pass "the migrator found nothing to apply" || fail "the second migration did not report 'up to date'"
    # The first page after a start renders cold (views compiled, caches empty): on a busy 2-core machine that can take
    # longer than the 5 s the other checks allow.
    first_page=$(curl -s -o /dev/null -w '%{http_code} in %{time_total} s' --max-time 60 "$PROXY/" || true)
    [ "${first_page%% *}" = 200 ] && pass "GET / through nginx after the restart: $first_page" || fail "GET / after the restart: '$first_page'"
else
    fail "the second start did not become ready within 120 s"
fi
stop_pid "$ENTRY_PID" 15
ENTRY_PID=""

refused_start() { # name, expected message, VAR=value...
    local name="$1" message="$2"; shift 2
    local logfile="$WORK/$name.log"
    run_entrypoint "$logfile" "$@"
    wait_for_exit "$ENTRY_PID" 60
    local status=$EXIT_STATUS
    ENTRY_PID=""
    if [ "$status" != timeout ] && [ "$status" != 0 ] && grep -qF -- "$message" "$logfile" && ! grep -q "entrypoint: starting the web host" "$logfile"; then
        pass "$* stops start-up (exit $status, web host not started): $message"
    else
        fail "$*: exit '$status', expected a non-zero exit with '$message' and no web host"
    fi
}

log "== 7. bad configuration stops start-up"
refused_start bad-log-level "LOG_LEVEL 'LOUD' is unknown" LOG_LEVEL=LOUD
refused_start placeholder-secret "SECRET_KEY is still the .env.example placeholder" SECRET_KEY=change-me-to-a-long-random-string

if grep -rqF -- "$SECRET_KEY_VALUE" "$WORK"/*.log; then fail "SECRET_KEY appears in a log"; else pass "SECRET_KEY appears in no log"; fi

# The scale-out proof (docs/deployment.md, "Several replicas"): the same published app as two replicas behind nginx
# on one PostgreSQL and one Redis. SMOKE_REPLICAS=0 leaves it out when only the single container is being worked on.
if [ "${SMOKE_REPLICAS:-1}" = 1 ]; then
    log "== 8. two replicas behind nginx on one PostgreSQL and one Redis (the same published app)"
    if etc/docker/smoke-test-replicas.sh "$APP"; then pass "the replicas smoke test passed"; else fail "the replicas smoke test failed"; fi
fi

if [ "$failures" -ne 0 ]; then
    log "smoke test: $failures check(s) failed"
    exit 1
fi
log "smoke test: all checks passed"
