#!/usr/bin/env bash
# CI proof of scripts/new-module.sh, in a temporary copy of the repository (this checkout is never touched):
#   1. refused names (taken, not an identifier) change nothing;
#   2. a new module is generated, builds with warnings as errors, and its generated tests pass;
#   3. the host starts with it, migrates its schema, seeds it and serves its page.
# Prints how long each step took; exits non-zero when any step fails.
#
# --in-place generates the module in this checkout instead, and puts the checkout back afterwards: for a throwaway
# clone that is already built (CI), where the copy's full build of every project was two minutes of CI's twenty and
# in place only the new module and the projects that reference it compile. It refuses a checkout with changes.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
in_place=""
if [ "${1:-}" = "--in-place" ]; then in_place=1; shift; fi
name="${1:-ScaffoldProbe}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

host_pid=""
step() { printf 'scaffold proof: %s\n' "$*"; }
seconds() { echo $(( $(date +%s) - $1 )); }

if [ -n "$in_place" ]; then
  copy="$repo"
  cd "$copy"
  if [ -n "$(git status --porcelain)" ]; then
    step "FAILED: --in-place needs a checkout without changes:"; git status --porcelain; exit 1
  fi
  work="$(mktemp -d)"
  restore() { # what new-module.sh added goes (build output inside it too), what it edited is checked out again
    git status --porcelain --untracked-files=normal | sed -n 's/^?? //p' | while read -r added; do rm -rf -- "$added"; done
    git checkout -q -- .
  }
else
  copy="$(mktemp -d)"
  work="$copy"
  restore() { :; }
  # The files of the checkout as they are now (tracked and new, not ignored): what a developer would run it on.
  (cd "$repo" && git ls-files -z --cached --others --exclude-standard) | (cd "$repo" && xargs -0 cp --parents -t "$copy" 2>/dev/null) || true
  cd "$copy"
  git init -q && git add -A && git -c user.name=proof -c user.email=proof@example.test commit -qm "copy" >/dev/null
fi
cleanup() {
  if [ -n "$host_pid" ]; then kill "$host_pid" 2>/dev/null || true; wait "$host_pid" 2>/dev/null || true; fi
  restore
  rm -rf "$work"
}
trap cleanup EXIT

for refused in Courses courses notPascal 1Bad Bad-Name Framework; do
  if scripts/new-module.sh "$refused" >/dev/null 2>&1; then
    step "FAILED: '$refused' was accepted"; exit 1
  fi
  if [ -n "$(git status --porcelain)" ]; then
    step "FAILED: refusing '$refused' changed files:"; git status --porcelain; exit 1
  fi
done
step "refused names change nothing"

started=$(date +%s)
scripts/new-module.sh "$name"
generated=$(seconds "$started")
step "new-module.sh $name took ${generated}s"

started=$(date +%s)
dotnet build "test/RateMyModule.$name.Tests" -nologo -v q -clp:ErrorsOnly
built=$(seconds "$started")
step "build took ${built}s"

started=$(date +%s)
dotnet test "test/RateMyModule.$name.Tests" --no-build -nologo
tested=$(seconds "$started")
step "tests took ${tested}s"

# The host, as `dotnet run` would start it in Development: migrates and seeds the demo data, then serves.
started=$(date +%s)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir -p "$work/data"
(cd host/RateMyModule.Web && ASPNETCORE_ENVIRONMENT=Development DATA_DIR="$work/data" ASPNETCORE_URLS="http://127.0.0.1:$port" \
  BackgroundJobs__IsEnabled=false exec dotnet bin/Debug/net10.0/RateMyModule.Web.dll >"$work/host.log" 2>&1) &
host_pid=$!
ready=""
for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; then ready=1; break; fi
  kill -0 "$host_pid" 2>/dev/null || break
  sleep 1
done
if [ -z "$ready" ]; then step "FAILED: the host did not become ready"; tail -40 "$work/host.log"; exit 1; fi
page=$(curl -fsS "http://127.0.0.1:$port/$name") || { step "FAILED: /$name did not answer 200"; tail -40 "$work/host.log"; exit 1; }
grep -q "First demo item" <<<"$page" || { step "FAILED: /$name does not list the seeded demo items"; exit 1; }
step "host started with $name, served /$name with its demo data in $(seconds "$started")s"
step "total $((generated + built + tested))s for new-module.sh + build + tests"
