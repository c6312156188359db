#!/usr/bin/env bash
# Adds a feature module in one command: scripts/new-module.sh <Name>
#
# Generates modules/<Name>/RateMyModule.<Name>{.Contracts,,.Web} and test/RateMyModule.<Name>.Tests from the
# `dotnet new` template in templates/module (short name rmm-module), adds the four projects to RateMyModule.sln,
# references the web project from the host and adds typeof(<Name>WebModule) to the host module's [DependsOn].
# It refuses a name that is not a PascalCase C# identifier or that is already taken, and then changes nothing; if a
# step fails half way, everything it changed is put back.
set -euo pipefail

usage() { echo "usage: $0 <Name>   (a PascalCase C# identifier, e.g. Notifications)" >&2; exit 2; }
fail() { echo "new-module: $*" >&2; exit 1; }

[ $# -eq 1 ] || usage
name="$1"
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"

host_project="host/RateMyModule.Web/RateMyModule.Web.csproj"
host_module="host/RateMyModule.Web/RateMyModuleWebModule.cs"
solution="RateMyModule.sln"

# --- Refusals: checked before anything is written. ---------------------------------------------------------------
# ASCII letters and digits, starting with a capital: a valid C# identifier and namespace part that is never a keyword
# (C# keywords are lower case), and a safe folder and assembly name on every file system.
[[ "$name" =~ ^[A-Z][A-Za-z0-9]{1,63}$ ]] || fail "'$name' is not a PascalCase C# identifier (a capital letter, then letters or digits)."
case "$name" in
  Framework|Web|TestBase|DbMigrator|Browser|Tests|Contracts)
    fail "'$name' is the name of a part of the host or of the tests; choose another." ;;
esac
lower="$(printf '%s' "$name" | tr '[:upper:]' '[:lower:]')"
for existing in modules/* test/RateMyModule.*.Tests; do
  [ -e "$existing" ] || continue
  base="$(basename "$existing")"
  base="${base#RateMyModule.}"
  base="${base%.Tests}"
  if [ "$(printf '%s' "$base" | tr '[:upper:]' '[:lower:]')" = "$lower" ]; then
    fail "a module or test project called '$base' already exists ($existing)."
  fi
done
if grep -qi "\"RateMyModule\.$name\(\.[A-Za-z]*\)\?\"" "$solution"; then
  fail "$solution already has a project RateMyModule.$name."
fi
for f in "$host_project" "$host_module" "$solution" templates/module/.template.config/template.json; do
  [ -f "$f" ] || fail "$f is missing: run this from a RateMyModule checkout."
done
command -v dotnet >/dev/null || fail "the .NET SDK (dotnet) is not on PATH."
command -v python3 >/dev/null || fail "python3 is needed to edit the host module."

# --- Generate into a staging folder, with a private template hive (the user's `dotnet new` list is not touched). ---
work="$(mktemp -d)"
backup="$work/backup"
mkdir -p "$backup"
placed=()
restore() {
  status=$?
  if [ $status -ne 0 ]; then
    echo "new-module: failed; putting everything back" >&2
    for path in "${placed[@]}"; do rm -rf "$path"; done
    cp "$backup/sln" "$solution" 2>/dev/null || true
    cp "$backup/csproj" "$host_project" 2>/dev/null || true
    cp "$backup/module" "$host_module" 2>/dev/null || true
  fi
  rm -rf "$work"
  exit $status
}
trap restore EXIT
cp "$solution" "$backup/sln"
cp "$host_project" "$backup/csproj"
cp "$host_module" "$backup/module"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
hive="$work/hive"
dotnet new install "$repo/templates/module" --debug:custom-hive "$hive" >"$work/install.log" 2>&1 \
  || { cat "$work/install.log" >&2; fail "could not install the template."; }
dotnet new rmm-module --name "$name" --output "$work/out" --debug:custom-hive "$hive" >"$work/new.log" 2>&1 \
  || { cat "$work/new.log" >&2; fail "dotnet new rmm-module failed."; }

# --- Place the files, then wire them in. ----------------------------------------------------------------------------
placed+=("modules/$name")
cp -R "$work/out/modules/$name" "modules/$name"
placed+=("test/RateMyModule.$name.Tests")
cp -R "$work/out/test/RateMyModule.$name.Tests" "test/RateMyModule.$name.Tests"

dotnet sln "$solution" add --solution-folder modules \
  "modules/$name/RateMyModule.$name.Contracts/RateMyModule.$name.Contracts.csproj" \
  "modules/$name/RateMyModule.$name/RateMyModule.$name.csproj" \
  "modules/$name/RateMyModule.$name.Web/RateMyModule.$name.Web.csproj" >/dev/null
dotnet sln "$solution" add --solution-folder test "test/RateMyModule.$name.Tests/RateMyModule.$name.Tests.csproj" >/dev/null
dotnet add "$host_project" reference "modules/$name/RateMyModule.$name.Web/RateMyModule.$name.Web.csproj" >/dev/null

python3 - "$host_module" "$name" <<'PY'
import re, sys
path, name = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8").read()
# One more typeof(...) at the end of the host module's [DependsOn(...)]: modules among equals configure in that order.
depends = re.compile(r"^\[DependsOn\((?P<args>[^\]]*)\)\]$", re.M)
match = depends.search(text)
if match is None:
    sys.exit(f"no single-line [DependsOn(...)] in {path}")
text = text[:match.start("args")] + match.group("args") + f", typeof({name}WebModule)" + text[match.end("args"):]
# The using, in order among the others.
lines = text.split("\n")
usings = [i for i, l in enumerate(lines) if l.startswith("using ") and l.endswith(";")]
new = f"using RateMyModule.{name}.Web;"
at = next((i for i in usings if lines[i] > new), usings[-1] + 1)
lines.insert(at, new)
open(path, "w", encoding="utf-8").write("\n".join(lines))
PY

files=$(find "modules/$name" "test/RateMyModule.$name.Tests" -type f | wc -l)
lines=$(find "modules/$name" "test/RateMyModule.$name.Tests" -type f -exec cat {} + | wc -l)
cat <<MSG
Created the $name module: $files files, $lines lines.
  modules/$name/RateMyModule.$name.Contracts   DTOs, permission names, limits (what other modules may reference)
  modules/$name/RateMyModule.$name             entity, rule, service, ${name}DbContext + Initial migration, seed, en/cy texts
  modules/$name/RateMyModule.$name.Web         /$name, /Admin/$name, menu items
  test/RateMyModule.$name.Tests                rule, pages (en, cy), permission guard and axe tests
Wired in: $solution, $host_project, $host_module ([DependsOn] typeof(${name}WebModule)).
Next: dotnet build $solution && dotnet test test/RateMyModule.$name.Tests
  then scripts/compile-models.sh $name: the context starts on EF's compiled models (it runs without them, built at start-up).
MSG
