#!/usr/bin/env bash
# Throughput of the published product against the Fortunes baseline (../shared/bench/fortunes), same run, same
# machine: pages, API, health and a static file with wrk, cold start, concurrent writes through the API, and the
# module page with 10,000 against 1,000,000 reviews. Results and how to read them: docs/benchmarks/throughput.md.
#
# Usage: docs/benchmarks/throughput.sh [--duration 10s] [--no-reads] [--no-writes] [--no-large]
# Environment: BASELINE_DIR (default ../shared/bench/fortunes), BASELINE_PORT (5302 when free), THREADS (2),
#   CONNECTIONS (32), WARMUP (5s), COLD_RUNS (3), WRITE_SECONDS (10), WRITE_CLIENTS (1,8,32,128),
#   LARGE_REVIEWS (1000000), LATENCY_DURATION (10s), LOG_LEVEL (INFO, as etc/docker/.env.example),
#   KEEP_WORK=1 keeps the work folder (published apps, databases, logs); APP_DIR and FORTUNES_DIR reuse apps
#   published before (e.g. a kept work folder's app/ and fortunes/) instead of publishing again.
#   DATABASE=postgres runs the product on a throwaway PostgreSQL cluster (scripts/test-postgres-cluster.sh) instead
#   of its SQLite default; that mode measures the reads only (the write check and --seed-scale read SQLite files).
set -euo pipefail
cd "$(dirname "$0")/../.."
REPO="$PWD"

DURATION=10s
RUN_READS=1
RUN_WRITES=1
RUN_LARGE=1
while [ $# -gt 0 ]; do
    case "$1" in
        --duration) DURATION="$2"; shift 2 ;;
        --no-reads) RUN_READS=0; shift ;;
        --no-writes) RUN_WRITES=0; shift ;;
        --no-large) RUN_LARGE=0; shift ;;
        *) echo "unknown argument: $1 (see the usage at the top of $0)" >&2; exit 2 ;;
    esac
done
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
WARMUP="${WARMUP:-5s}"
COLD_RUNS="${COLD_RUNS:-3}"
WRITE_SECONDS="${WRITE_SECONDS:-10}"
WRITE_CLIENTS="${WRITE_CLIENTS:-1,8,32,128}"
LARGE_REVIEWS="${LARGE_REVIEWS:-1000000}"
LATENCY_DURATION="${LATENCY_DURATION:-10s}"
BASELINE_DIR="${BASELINE_DIR:-$REPO/../shared/bench/fortunes}"
DEMO_REVIEWS=2000 # what --seed-demo writes (100 modules × 20); the large mode tops it up to the round totals
DATABASE="${DATABASE:-sqlite}"
case "$DATABASE" in
    sqlite) ;;
    postgres) RUN_WRITES=0; RUN_LARGE=0 ;;
    *) echo "DATABASE must be sqlite or postgres, not $DATABASE" >&2; exit 2 ;;
esac
BENCH_PASSWORD="Bench-pass-2026"
DEMO_PASSWORD="Demo-pass-2026"

WORK="$(mktemp -d /tmp/rmm-throughput.XXXXXX)"
PIDS=()
log() { printf '%s\n' "$*" >&2; }
die() { log "throughput: $*"; exit 1; }

stop_pid() { # pid: TERM, then KILL after 10 s
    local pid="$1"
    kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}
cleanup() {
    local status=$?
    for pid in "${PIDS[@]}"; do stop_pid "$pid"; done
    [ "$DATABASE" = postgres ] && { RMM_PG_STATE="$WORK/pg" "$REPO/scripts/test-postgres-cluster.sh" stop >/dev/null 2>&1 || true; }
    if [ "$status" -ne 0 ]; then
        for file in "$WORK"/*.log; do [ -s "$file" ] && { log "----- last lines of $file"; tail -n 20 "$file" >&2; }; done
    fi
    if [ "${KEEP_WORK:-0}" = 1 ]; then log "work folder kept: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

apt_install() { # as .ci/run does: apt may be busy with another engineer's install
    for attempt in 1 2 3 4 5; do
        if apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null; then return 0; fi
        log "apt-get busy or failed (attempt $attempt); retrying in $((attempt * 10))s"
        sleep $((attempt * 10))
    done
    return 1
}
command -v wrk >/dev/null 2>&1 || apt_install wrk || die "could not install wrk"
for tool in curl python3 dotnet; do command -v "$tool" >/dev/null 2>&1 || die "$tool is required"; done
[ -f "$BASELINE_DIR/Fortunes.csproj" ] || die "no Fortunes baseline at $BASELINE_DIR (set BASELINE_DIR)"

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
port_is_free() { python3 -c 'import socket,sys; s = socket.socket(); s.bind(("127.0.0.1", int(sys.argv[1])))' "$1" 2>/dev/null; }
sql() { python3 -c 'import sqlite3,sys; [print("|".join(str(c) for c in r)) for r in sqlite3.connect(sys.argv[1]).execute(sys.argv[2])]' "$@"; }
now() { echo "$EPOCHREALTIME"; }
elapsed() { python3 -c "print(f'{$2 - $1:.2f}')"; }

APP="${APP_DIR:-$WORK/app}"
FORTUNES="${FORTUNES_DIR:-$WORK/fortunes}"
if [ -z "${APP_DIR:-}" ]; then
    # As etc/docker/Dockerfile publishes the image: Release, ReadyToRun, on the shared runtime.
    log "== publishing the product (Release, ReadyToRun, as the image) into $APP"
    for project in host/RateMyModule.DbMigrator/RateMyModule.DbMigrator.csproj host/RateMyModule.Web/RateMyModule.Web.csproj; do
        dotnet publish "$project" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$APP" --nologo -v quiet >>"$WORK/publish.log" 2>&1 \
            || die "dotnet publish $project failed (see $WORK/publish.log)"
    done
fi
if [ -z "${FORTUNES_DIR:-}" ]; then
    log "== publishing the baseline (Release) into $FORTUNES"
    dotnet publish "$BASELINE_DIR" -c Release -o "$FORTUNES" --nologo -v quiet >>"$WORK/publish.log" 2>&1 || die "dotnet publish of the baseline failed"
fi
[ -f "$APP/RateMyModule.Web.dll" ] && [ -f "$APP/RateMyModule.DbMigrator.dll" ] || die "no published product in $APP"
[ -f "$FORTUNES/Fortunes.dll" ] || die "no published baseline in $FORTUNES"

SECRET="throughput-$(python3 -c 'import secrets; print(secrets.token_urlsafe(36))')"
# Production as deployed (README's configuration table), minus the HTTPS redirect that the proxy owns in production
# (etc/docker/smoke-test.sh runs the same way) and with the sign-in rate limit lifted for the write benchmark's users.
PRODUCT_ENV=(env -i PATH="$PATH" HOME="${HOME:-/root}" TMPDIR="${TMPDIR:-/tmp}" ${DOTNET_ROOT:+DOTNET_ROOT="$DOTNET_ROOT"}
    DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
    PRODUCTION=true DEBUG=false LOG_LEVEL="${LOG_LEVEL:-INFO}" SECRET_KEY="$SECRET" ALLOWED_HOSTS="127.0.0.1,localhost" PUBLIC_URL="http://127.0.0.1"
    EMAIL_TO_CONSOLE=true Https__Redirect=false Https__Hsts=false Accounts__SignInPermitLimit=1000000)
if [ "$DATABASE" = postgres ]; then
    log "== a throwaway PostgreSQL cluster for the product"
    chmod 755 "$WORK" # the server runs as the postgres user, which must reach its folder inside
    RMM_PG_STATE="$WORK/pg" scripts/test-postgres-cluster.sh start || die "PostgreSQL did not start (apt-get install postgresql)"
    PG_URL="postgresql://postgres@127.0.0.1:$(cat "$WORK/pg/port")"
    psql -X -q -d "$PG_URL/postgres" -c "CREATE DATABASE ratemymodule" || die "could not create the database"
    PRODUCT_ENV+=(DATABASE_PROVIDER=postgres DATABASE_URL="${PG_URL/postgresql:/postgres:}/ratemymodule")
fi
# One value from the product's database; the query names columns in double quotes, which both engines read.
db_value() { # sqlite file, query
    if [ "$DATABASE" = postgres ]; then psql -X -At -d "$PG_URL/ratemymodule" -c "$2"; else sql "$1" "$2"; fi
}
# The address a GET answers with after its redirect (the id addresses of modules and universities are permanent
# redirects to their friendly ones), so wrk measures the page, not the redirect.
settled_path() { # path
    local target
    target=$(curl -s -o /dev/null -w '%{redirect_url}' "$P$1")
    if [ -n "$target" ]; then echo "${target#$P}"; else echo "$1"; fi
}
migrate() { # data dir, migrator arguments...; prints the migrator's scale-seed lines
    local data="$1"; shift
    local logfile="$WORK/migrator-${data##*/}.log"
    mkdir -p "$data"
    (cd "$APP" && "${PRODUCT_ENV[@]}" DATA_DIR="$data" dotnet RateMyModule.DbMigrator.dll "$@") >"$logfile" 2>&1 || die "the DbMigrator failed (see $logfile)"
    grep '^scale-seed:' "$logfile" || true
}

SERVER_PID=""
start_product() { # data dir, port, log, extra settings (NAME=value)...
    (cd "$APP" && exec "${PRODUCT_ENV[@]}" DATA_DIR="$1" "${@:4}" dotnet RateMyModule.Web.dll --urls "http://127.0.0.1:$2") >"$3" 2>&1 &
    SERVER_PID=$!
    PIDS+=("$SERVER_PID")
}
start_baseline() { # port, log
    (cd "$FORTUNES" && exec env -i PATH="$PATH" HOME="${HOME:-/root}" TMPDIR="${TMPDIR:-/tmp}" ${DOTNET_ROOT:+DOTNET_ROOT="$DOTNET_ROOT"} \
        DOTNET_CLI_TELEMETRY_OPTOUT=1 ASPNETCORE_URLS="http://127.0.0.1:$1" dotnet Fortunes.dll) >"$2" 2>&1 &
    SERVER_PID=$!
    PIDS+=("$SERVER_PID")
}
wait_for_200() { # pid, url, seconds: 0 once the url answers 200
    local deadline=$((SECONDS + $3))
    while [ $SECONDS -lt $deadline ]; do
        kill -0 "$1" 2>/dev/null || return 1
        [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$2" || true)" = 200 ] && return 0
        sleep 0.02
    done
    return 1
}

DATA="$WORK/data"
PRODUCT_PORT="$(free_port)"
BASELINE_PORT="${BASELINE_PORT:-5302}"
port_is_free "$BASELINE_PORT" || { log "port $BASELINE_PORT is busy; the baseline takes a free one"; BASELINE_PORT="$(free_port)"; }
P="http://127.0.0.1:$PRODUCT_PORT"
B="http://127.0.0.1:$BASELINE_PORT"

log "== migrating a fresh database with demo data and the write benchmark's users"
max_clients=$(tr ',' '\n' <<<"$WRITE_CLIENTS" | sort -n | tail -n1)
if [ "$DATABASE" = postgres ]; then
    migrate "$DATA" --seed-demo >/dev/null # the benchmark users are for the write benchmark, which runs on SQLite only
else
    migrate "$DATA" --seed-demo --bench-users "$max_clients" --bench-password "$BENCH_PASSWORD" >/dev/null
fi

# wrk's summary → "req/s|p50 ms|p99 ms|errors" (non-2xx/3xx responses plus socket errors).
wrk_run() { # url [extra wrk args...]
    local url="$1"; shift
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency "$@" "$url" 2>&1 | python3 -c '
import re, sys
text = sys.stdin.read()
def ms(v):
    n, unit = re.match(r"([\d.]+)(\w+)", v).groups()
    return float(n) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]
rps = re.search(r"Requests/sec:\s+([\d.]+)", text)
p50 = re.search(r"^\s+50%\s+(\S+)", text, re.M)
p99 = re.search(r"^\s+99%\s+(\S+)", text, re.M)
errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", text))
errors += sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", text))
if not rps:
    sys.exit("wrk failed: " + text)
print(f"{float(rps.group(1)):.0f}|{ms(p50.group(1)):.2f}|{ms(p99.group(1)):.2f}|{errors}")'
}

if [ "$RUN_READS" = 1 ]; then
    log "== cold start to the first 200 of / ($COLD_RUNS runs each, alternating, on the existing database)"
    product_cold=(); baseline_cold=()
    for run in $(seq "$COLD_RUNS"); do
        started=$(now); start_product "$DATA" "$PRODUCT_PORT" "$WORK/product-cold.log"
        wait_for_200 "$SERVER_PID" "$P/" 120 || die "the product did not answer / with 200 within 120 s"
        product_cold+=("$(elapsed "$started" "$(now)")"); stop_pid "$SERVER_PID"
        started=$(now); start_baseline "$BASELINE_PORT" "$WORK/baseline-cold.log"
        wait_for_200 "$SERVER_PID" "$B/fortunes" 120 || die "the baseline did not answer /fortunes with 200 within 120 s"
        baseline_cold+=("$(elapsed "$started" "$(now)")"); stop_pid "$SERVER_PID"
        log "cold start run $run: product ${product_cold[-1]} s, baseline ${baseline_cold[-1]} s"
    done

    start_product "$DATA" "$PRODUCT_PORT" "$WORK/product.log"; PRODUCT_PID=$SERVER_PID
    start_baseline "$BASELINE_PORT" "$WORK/baseline.log"; BASELINE_PID=$SERVER_PID
    wait_for_200 "$PRODUCT_PID" "$P/" 120 || die "the product did not start"
    wait_for_200 "$BASELINE_PID" "$B/fortunes" 120 || die "the baseline did not start"

    DB="$DATA/ratemymodule.db"
    MODULE=$(db_value "$DB" 'SELECT lower(CAST("ModuleId" AS TEXT)) FROM "RevModuleReviewStats" WHERE "ReviewCount" BETWEEN 15 AND 25 ORDER BY 1 LIMIT 1')
    [ -n "$MODULE" ] || die "no demo module with about 20 reviews"
    UNIVERSITY=$(db_value "$DB" "SELECT lower(CAST(\"UniversityId\" AS TEXT)) FROM \"CoursesModules\" WHERE lower(CAST(\"Id\" AS TEXT)) = '$MODULE'")
    DOMAIN=$(db_value "$DB" "SELECT \"EmailDomain\" FROM \"CoursesUniversities\" WHERE lower(CAST(\"Id\" AS TEXT)) = '$UNIVERSITY'")
    MODULE_PATH=$(settled_path "/Modules/$MODULE")
    UNIVERSITY_PATH=$(settled_path "/Universities/$UNIVERSITY")

    log "== signing in student@$DOMAIN through the sign-in form"
    jar="$WORK/student.cookies"
    token=$(curl -s -c "$jar" -b "$jar" "$P/Account/Login" | python3 -c 'import re,sys,html; m = re.search(r"name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"", sys.stdin.read()); print(html.unescape(m.group(1)) if m else "")')
    [ -n "$token" ] || die "no antiforgery token on /Account/Login"
    status=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" --data-urlencode "Input.Email=student@$DOMAIN" \
        --data-urlencode "Input.Password=$DEMO_PASSWORD" --data-urlencode "__RequestVerificationToken=$token" "$P/Account/Login")
    [ "$status" = 302 ] || die "signing in answered $status"
    COOKIE=$(sed 's/^#HttpOnly_//' "$jar" | awk -F'\t' 'NF == 7 && $1 !~ /^#/ { printf "%s%s=%s", sep, $6, $7; sep = "; " }')
    [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" "$P/api/v1/me")" = 200 ] || die "the student's cookie does not open /api/v1/me"

    # name|product path|baseline path|extra wrk args
    ROWS=(
        "module page, visitor ($MODULE_PATH, 20 reviews)|$MODULE_PATH|/fortunes|"
        "module page, signed-in student|$MODULE_PATH|/fortunes|student"
        "home /|/|/fortunes|"
        "university page ($UNIVERSITY_PATH)|$UNIVERSITY_PATH|/fortunes|"
        "search /Catalogue/Search?q=adv|/Catalogue/Search?q=adv|/fortunes|"
        "GET /api/v1/modules/{id}/reviews|/api/v1/modules/$MODULE/reviews|/fortunes|"
        "/health/live|/health/live|/plaintext|"
        "static file /favicon.svg|/favicon.svg|/plaintext|"
    )
    for row in "${ROWS[@]}"; do
        IFS='|' read -r _ path _ auth <<<"$row"
        status=$(curl -s -o /dev/null -w '%{http_code}' ${auth:+-H "Cookie: $COOKIE"} "$P$path")
        [ "$status" = 200 ] || die "GET $path answered $status"
    done

    log "== warming up (wrk $WARMUP per request)"
    for row in "${ROWS[@]}"; do
        IFS='|' read -r _ path _ auth <<<"$row"
        DURATION="$WARMUP" wrk_run "$P$path" ${auth:+-H "Cookie: $COOKIE"} >/dev/null
    done
    DURATION="$WARMUP" wrk_run "$B/fortunes" >/dev/null
    DURATION="$WARMUP" wrk_run "$B/plaintext" >/dev/null

    log "== measuring: wrk -t$THREADS -c$CONNECTIONS -d$DURATION, each product request right after its baseline"
    TABLE=()
    fortunes_runs=(); plaintext_runs=()
    for row in "${ROWS[@]}"; do
        IFS='|' read -r name path base auth <<<"$row"
        b=$(wrk_run "$B$base")
        p=$(wrk_run "$P$path" ${auth:+-H "Cookie: $COOKIE"})
        [ "$base" = /fortunes ] && fortunes_runs+=("$b") || plaintext_runs+=("$b")
        share=$(python3 -c "print(f'{100 * ${p%%|*} / max(1, ${b%%|*}):.1f} % of ${base#/}')")
        TABLE+=("$name|$p|$share")
        log "$name: $p ($share)"
    done
    summarise() { # name, runs... → median req/s of the baseline's runs in this table
        local name="$1"; shift
        printf '%s\n' "$@" | python3 -c "
import statistics, sys
rows = [l.split('|') for l in sys.stdin.read().split()]
m = sorted(rows, key=lambda r: float(r[0]))[len(rows) // 2]
print('$name (median of %d runs)|%s|%s|%s|%s|—' % (len(rows), m[0], m[1], m[2], sum(int(r[3]) for r in rows)))"
    }
    TABLE+=("$(summarise "baseline /fortunes" "${fortunes_runs[@]}")" "$(summarise "baseline /plaintext" "${plaintext_runs[@]}")")

    echo
    echo "Throughput (wrk -t$THREADS -c$CONNECTIONS -d$DURATION, Production, published Release (the product ReadyToRun, as the image), product on $DATABASE; share = product ÷ the baseline run just before it)"
    echo
    echo "| request | req/s | share of baseline | p50 ms | p99 ms | errors |"
    echo "|---|---:|---:|---:|---:|---:|"
    for line in "${TABLE[@]}"; do
        IFS='|' read -r name rps p50 p99 errors share <<<"$line"
        echo "| $name | $rps | $share | $p50 | $p99 | $errors |"
    done
    echo
    echo "Cold start to the first 200 (existing database; runs: product ${product_cold[*]} s, baseline ${baseline_cold[*]} s)"
    echo
    median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
    echo "| app | median s |"
    echo "|---|---:|"
    echo "| product, GET / | $(median "${product_cold[@]}") |"
    echo "| baseline, GET /fortunes | $(median "${baseline_cold[@]}") |"
    stop_pid "$BASELINE_PID"
    stop_pid "$PRODUCT_PID"
fi

if [ "$RUN_WRITES" = 1 ]; then
    log "== write benchmark: clients $WRITE_CLIENTS, ${WRITE_SECONDS} s each"
    dotnet build -c Release "$REPO/docs/benchmarks/WriteBench.cs" --nologo -v quiet >"$WORK/writebench-build.log" 2>&1 || die "building WriteBench.cs failed (see $WORK/writebench-build.log)"
    start_product "$DATA" "$PRODUCT_PORT" "$WORK/product-writes.log"; PRODUCT_PID=$SERVER_PID
    wait_for_200 "$PRODUCT_PID" "$P/" 120 || die "the product did not start"
    echo
    echo "Writes (PUT /api/v1/reviews/{id}/vote, and every fourth request POST /api/v1/modules/{id}/reviews; distinct user × review pairs)"
    dotnet run -c Release "$REPO/docs/benchmarks/WriteBench.cs" -- --url "$P" --db "$DATA/ratemymodule.db" --password "$BENCH_PASSWORD" \
        --seconds "$WRITE_SECONDS" --clients "$WRITE_CLIENTS" || log "write benchmark: exit $? (a failed check is listed above)"
    stop_pid "$PRODUCT_PID"
fi

if [ "$RUN_LARGE" = 1 ]; then
    declare -A LATENCY
    sizes=(10000 "$LARGE_REVIEWS")
    for total in "${sizes[@]}"; do
        data="$WORK/data-$total"
        log "== large data: $total reviews (the DbMigrator's --seed-scale $((total - DEMO_REVIEWS)) on top of the demo data)"
        started=$(now)
        facts=$(migrate "$data" --seed-scale $((total - DEMO_REVIEWS)))
        log "$facts"
        log "seeded in $(elapsed "$started" "$(now)") s (migration and demo data included)"
        big=$(sed -n 's/.*big-module=\([^ ]*\).*/\1/p' <<<"$facts")
        big_count=$(sql "$data/ratemymodule.db" "SELECT ReviewCount FROM RevModuleReviewStats WHERE ModuleId = upper('$big')")
        tag=$(sed -n 's/.*tag=\([^ ]*\).*/\1/p' <<<"$facts")
        word=$(sed -n 's/.*rare-word=\([^ ]*\).*/\1/p' <<<"$facts")
        [ -n "$big" ] && [ -n "$tag" ] && [ -n "$word" ] || die "the DbMigrator did not report the big module, tag and rare word"
        wrong=$(sql "$data/ratemymodule.db" "SELECT COUNT(*) FROM (SELECT ModuleId, COUNT(*) AS N, SUM(Overall) AS S FROM RevReviews WHERE IsHidden = 0 GROUP BY ModuleId) c
            LEFT JOIN RevModuleReviewStats s ON s.ModuleId = c.ModuleId WHERE s.ReviewCount IS NOT c.N OR s.OverallSum IS NOT c.S")
        [ "$wrong" = 0 ] || die "$wrong modules' RevModuleReviewStats differ from a recount after --seed-scale"
        # Caches off: every request reads the database, so the rows measure the queries, not a cache hit.
        start_product "$data" "$PRODUCT_PORT" "$WORK/product-$total.log" Caching__Enabled=false; PRODUCT_PID=$SERVER_PID
        wait_for_200 "$PRODUCT_PID" "$P/" 120 || die "the product did not start on $total reviews"
        big_path=$(settled_path "/Modules/$big")
        for request in "module page|$big_path" "tag filter (?tag=)|$big_path?tag=$tag" "rare-word text search|$big_path?q=$word"; do
            IFS='|' read -r name path <<<"$request"
            status=$(curl -s -o /dev/null -w '%{http_code}' "$P$path")
            [ "$status" = 200 ] || die "GET $path answered $status"
            THREADS=1 CONNECTIONS=1 DURATION=3s wrk_run "$P$path" >/dev/null
            result=$(THREADS=1 CONNECTIONS=1 DURATION="$LATENCY_DURATION" wrk_run "$P$path")
            IFS='|' read -r _ p50 _ _ <<<"$result"
            LATENCY["$name|$total"]="$p50"
            log "$total reviews, $name: median $p50 ms"
        done
        LATENCY["count|$total"]="$big_count of $(sql "$data/ratemymodule.db" "SELECT COUNT(*) FROM RevReviews")"
        stop_pid "$PRODUCT_PID"
    done
    echo
    echo "Module page median latency by data size, caches off so every request reads the database (one connection, wrk -t1 -c1 -d$LATENCY_DURATION; the module holds ${LATENCY["count|10000"]} and ${LATENCY["count|$LARGE_REVIEWS"]} reviews; text search for the rare word '$word')"
    echo
    echo "| request | 10,000 reviews, p50 ms | $LARGE_REVIEWS reviews, p50 ms | ratio |"
    echo "|---|---:|---:|---:|"
    for name in "module page" "tag filter (?tag=)" "rare-word text search"; do
        small="${LATENCY["$name|10000"]:-}"; large="${LATENCY["$name|$LARGE_REVIEWS"]:-}"
        [ -n "$small" ] || continue
        echo "| $name | $small | $large | $(python3 -c "print(f'{$large / max($small, 0.001):.2f}×')") |"
    done
fi
