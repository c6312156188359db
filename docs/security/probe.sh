#!/usr/bin/env bash
# A scripted attacker against a running RateMyModule with the demo data (issue 12): sessions after sign-out, lock
# and role removal; forwarded headers; broken POST bodies; every API route without sign-in. It changes demo accounts
# (locks and unlocks the demo student, takes the demo moderator's role away and gives it back).
#   BASE=http://127.0.0.1:5099 docs/security/probe.sh        (MAIL_DIR=<DATA_DIR>/mail also checks mailed links; with
#   EMAIL_TO_CONSOLE the mail is written there, by default host/RateMyModule.Web/App_Data/mail under `dotnet run`)
# The demo moderator is the first demo university's by name (moderator@aber.ac.uk); MODERATOR_EMAIL names another.
# Prints one "ok"/"FAIL" line per check and exits non-zero when any check failed.
set -uo pipefail
BASE="${BASE:-http://127.0.0.1:5000}"
PASSWORD="${DEMO_PASSWORD:-Demo-pass-2026}"
MODERATOR_EMAIL="${MODERATOR_EMAIL:-moderator@aber.ac.uk}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
failures=0
pass() { printf 'ok    %s\n' "$*"; }
fail() { printf 'FAIL  %s\n' "$*"; failures=$((failures + 1)); }
check() { # description, expected pattern (regex), actual
    if [[ "$3" =~ ^($2)$ ]]; then pass "$1: $3"; else fail "$1: got $3, expected $2"; fi
}
status() { curl -s -o /dev/null -w '%{http_code}' --max-time 20 "$@"; }
token() { # cookie jar, page: the page's first antiforgery token
    curl -s -b "$1" -c "$1" "$BASE$2" | python3 -c 'import re,sys; m=re.search(r"name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"|value=\"([^\"]+)\" name=\"__RequestVerificationToken\"", sys.stdin.read()); print((m.group(1) or m.group(2)) if m else "")'
}
sign_in() { # jar, email
    local t; t=$(token "$1" /Account/Login)
    status -b "$1" -c "$1" -X POST "$BASE/Account/Login" --data-urlencode "__RequestVerificationToken=$t" \
        --data-urlencode "Input.Email=$2" --data-urlencode "Input.Password=$PASSWORD"
}
auth_cookie() { awk '$6 == "rmm.auth" { print $7 }' "$1"; }
post_form() { # jar, page with a form, url, extra curl args...
    local jar="$1" page="$2" url="$3"; shift 3
    local t; t=$(token "$jar" "$page")
    status -b "$jar" -c "$jar" -X POST "$BASE$url" --data-urlencode "__RequestVerificationToken=$t" "$@"
}
user_id() { curl -s -b "$1" "$BASE/api/v1/me" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'; }

echo "== sessions"
student="$WORK/student"; admin="$WORK/admin"; moderator="$WORK/moderator"
check "student signs in" "302" "$(sign_in "$student" student@bham.ac.uk)"
copied="$(auth_cookie "$student")"
check "the copied cookie works" "200" "$(status -b "rmm.auth=$copied" "$BASE/api/v1/me")"
check "sign-out" "302" "$(post_form "$student" /Account/Manage/Courses /Account/Logout)"
check "the copied cookie after sign-out" "401" "$(status -b "rmm.auth=$copied" "$BASE/api/v1/me")"

check "admin signs in" "302" "$(sign_in "$admin" admin@demo.ratemymodule.app)"
sign_in "$student" student@bham.ac.uk >/dev/null
student_id="$(user_id "$student")"
check "admin locks the student" "302" "$(post_form "$admin" "/Admin/Users/$student_id" "/Admin/Users/$student_id?handler=Lock")"
check "the locked student's session" "401" "$(status -b "$student" "$BASE/api/v1/me")"
post_form "$admin" "/Admin/Users/$student_id" "/Admin/Users/$student_id?handler=Unlock" >/dev/null

check "moderator signs in" "302" "$(sign_in "$moderator" "$MODERATOR_EMAIL")"
check "moderator sees /Admin/Moderation" "200" "$(status -b "$moderator" "$BASE/Admin/Moderation")"
moderator_id="$(user_id "$moderator")"
check "admin removes the Moderator role" "302" "$(post_form "$admin" "/Admin/Users/$moderator_id" "/Admin/Users/$moderator_id?handler=Roles")"
check "/Admin/Moderation with the old session" "302|403|404" "$(status -b "$moderator" "$BASE/Admin/Moderation")"
post_form "$admin" "/Admin/Users/$moderator_id" "/Admin/Users/$moderator_id?handler=Roles" --data-urlencode "Roles=Moderator" >/dev/null

echo "== forwarded headers"
check "GET / with X-Forwarded-Host: evil.example" "400|200" "$(status -H 'X-Forwarded-Host: evil.example' "$BASE/")"
check "GET / with Host: evil.example" "400" "$(status -H 'Host: evil.example' "$BASE/")"
anonymous="$WORK/anonymous"
touch "$WORK/before-reset"
post_form "$anonymous" /Account/ForgotPassword /Account/ForgotPassword -H 'X-Forwarded-Host: evil.example' \
    --data-urlencode "Email=student@bham.ac.uk" >/dev/null
if [ -n "${MAIL_DIR:-}" ]; then
    # The mail is sent by a background job (polled every few seconds): wait for a file newer than the request, and
    # read it decoded (quoted-printable may break a host name across lines), so the check can fail as well as pass.
    newest=""
    for _ in $(seq 1 30); do
        newest="$(find "$MAIL_DIR" -maxdepth 1 -name '*.eml' -newer "$WORK/before-reset" -print 2>/dev/null | sort | tail -1)"
        [ -n "$newest" ] && break
        sleep 1
    done
    if [ -z "$newest" ]; then
        fail "no reset mail appeared in $MAIL_DIR within 30 s"
    else
        verdict="$(python3 - "$newest" <<'PY'
import email, re, sys
from email import policy
message = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=policy.default)
text = "".join(part.get_content() for part in message.walk() if part.get_content_type() in ("text/plain", "text/html"))
links = re.findall(r"https?://[^\s\"'<>]+/Account/ResetPassword\?code=", text)
print("evil" if "evil.example" in text else ("ok " + links[0].split("/Account")[0]) if links else "nolink")
PY
)"
        case "$verdict" in
            ok*) pass "the reset mail links to ${verdict#ok }, not evil.example" ;;
            *) fail "reset mail $newest: $verdict" ;;
        esac
    fi
fi

echo "== broken POST bodies (never a 5xx)"
printf -- '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb' >"$WORK/truncated"
python3 -c 'import sys; sys.stdout.write("Input.Email=" + "a" * 10_500_000)' >"$WORK/huge"
for url in /Account/Login /Account/Register /Account/ForgotPassword /Account/Logout /culture/switch /nonexistent \
           /Error /api/v1/universities "/api/v1/reviews/00000000-0000-0000-0000-000000000001/reports"; do
    check "truncated multipart to $url" "400|404|405|413|415" \
        "$(status -b "$admin" -X POST -H 'Content-Type: multipart/form-data; boundary=x' --data-binary @"$WORK/truncated" "$BASE$url")"
    check "10 MB form field to $url" "400|404|405|413|415" \
        "$(status -b "$admin" -X POST -H 'Content-Type: application/x-www-form-urlencoded' --data-binary @"$WORK/huge" "$BASE$url")"
    check "broken JSON to $url" "400|404|405|415" \
        "$(status -b "$admin" -X POST -H 'Content-Type: application/json' --data-binary '{"name":' "$BASE$url")"
done
check "statusCode=503 in a form" "404" "$(status -X POST -d statusCode=503 "$BASE/nonexistent")"
check "non-ASCII returnUrl on the culture switch" "302" "$(status "$BASE/culture/switch?culture=cy&returnUrl=%2Fcaf%C3%A9%E2%80%A8")"

echo "== every API route without sign-in"
curl -s "$BASE/api/v1/openapi.json" | python3 -c '
import json, re, sys
doc = json.load(sys.stdin)
for path, item in doc.get("paths", {}).items():
    for method in item:
        print(method.upper(), re.sub(r"\{[^}]+\}", "00000000-0000-0000-0000-000000000001", path))' >"$WORK/routes"
[ -s "$WORK/routes" ] || fail "no routes in /api/v1/openapi.json"
while read -r method path; do
    result="$(curl -s -o /dev/null -w '%{http_code} %{content_type}' --max-time 20 -X "$method" -H 'Content-Type: application/json' -d '{}' "$BASE$path")"
    code="${result%% *}"; type="${result#* }"
    if [ "$code" -ge 500 ]; then fail "$method $path without sign-in: $code"
    elif [ "$code" -ge 400 ] && [[ "$type" != application/problem+json* ]]; then fail "$method $path without sign-in: $code as '$type', not problem+json"
    else pass "$method $path without sign-in: $code ${type%%;*}"; fi
done <"$WORK/routes"
check "an unknown API route" "404" "$(status "$BASE/api/v1/nothing-here")"

echo
if [ "$failures" -eq 0 ]; then echo "probe: every check held"; else echo "probe: $failures check(s) failed"; fi
[ "$failures" -eq 0 ]
