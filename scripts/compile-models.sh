#!/usr/bin/env bash
# Regenerates a module's EF Core compiled models, one per provider: <Core>/Data/CompiledModels/Sqlite and
# .../Postgres (the type mappings differ). The Framework's AddModuleDbContext picks the one of the running provider
# (ModuleCompiledModels), so the app skips building the model at start-up; a module without them runs on the model
# EF builds. scripts/add-migration.sh calls this after every migration; run it yourself after any other change to
# a module's model (entities, OnModelCreating). CompiledModelTests fails while a compiled model is stale.
#
#   scripts/compile-models.sh <Module> [--no-build]
#   scripts/compile-models.sh Reviews
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -lt 1 ] || [[ ! "$1" =~ ^[A-Z][A-Za-z0-9]*$ ]]; then
  echo "usage: scripts/compile-models.sh <Module> [--no-build]   (PascalCase, e.g. Reviews)" >&2
  exit 2
fi
module=$1
build_flag=()
[ "${2:-}" = "--no-build" ] && build_flag=(--no-build)

project="modules/$module/RateMyModule.$module"
if [ ! -f "$project/RateMyModule.$module.csproj" ]; then
  echo "no module core project at $project" >&2
  exit 2
fi

dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dir="$project/Data/CompiledModels/$provider"
  rm -rf "$dir"
  echo "$provider compiled model:"
  if ! DATABASE_PROVIDER=${provider,,} dotnet ef dbcontext optimize --project "$project" "${build_flag[@]}" \
      -o "Data/CompiledModels/$provider" -n "RateMyModule.$module.Data.CompiledModels.$provider"; then
    rm -rf "$project/Data/CompiledModels/Sqlite" "$project/Data/CompiledModels/Postgres"
    echo "EF could not compile $module's model (see above); its context stays on the model EF builds at start-up." >&2
    exit 1
  fi
  # EF would find a model through this attribute whatever the provider; the Framework chooses by provider instead.
  rm -f "$dir"/*AssemblyAttributes.cs
  build_flag=(--no-build)
done
