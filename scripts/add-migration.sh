#!/usr/bin/env bash
# Adds one EF migration to a module's context in BOTH migrations sets: SQLite (Migrations/) and PostgreSQL
# (Migrations/Postgres/, namespace <Core>.Migrations.Postgres). The design-time factory picks the provider from
# DATABASE_PROVIDER, and the Framework's ProviderMigrationsAssembly shows EF only that provider's set.
#
#   scripts/add-migration.sh <Module> <Name> [--no-build]
#   scripts/add-migration.sh Reviews TagCounts
#   scripts/add-migration.sh Framework JobLeases
#
# A migration that EF cannot describe (raw SQL) needs its Up/Down filled in both files by hand afterwards.
# Then it regenerates the module's compiled models (scripts/compile-models.sh), one per provider.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -lt 2 ] || [[ ! "$1" =~ ^[A-Z][A-Za-z0-9]*$ ]] || [[ ! "$2" =~ ^[A-Z][A-Za-z0-9]*$ ]]; then
  echo "usage: scripts/add-migration.sh <Module> <Name> [--no-build]   (both PascalCase, e.g. Reviews TagCounts)" >&2
  exit 2
fi
module=$1
name=$2
build_flag=()
[ "${3:-}" = "--no-build" ] && build_flag=(--no-build)

project="modules/$module/RateMyModule.$module"
if [ ! -f "$project/RateMyModule.$module.csproj" ]; then
  echo "no module core project at $project" >&2
  exit 2
fi

dotnet tool restore >/dev/null
echo "SQLite set:"
DATABASE_PROVIDER=sqlite dotnet ef migrations add "$name" --project "$project" "${build_flag[@]}" \
  -o Migrations --namespace "RateMyModule.$module.Migrations"
echo "PostgreSQL set:"
# EF names a new snapshot <Context>ModelSnapshot and overwrites any file of that name in the project, so the
# PostgreSQL snapshot is called <Context>PostgresModelSnapshot. A module's first PostgreSQL migration gets its
# snapshot renamed into place here; from then on EF finds it (through ProviderMigrationsAssembly) by that name.
snapshot="$project/Migrations/${module}DbContextModelSnapshot.cs"
pg_snapshot="$project/Migrations/Postgres/${module}DbContextPostgresModelSnapshot.cs"
first=false
if [ ! -f "$pg_snapshot" ]; then
  first=true
  cp "$snapshot" "$snapshot.sqlite"
fi
# The first call built the project; the second reuses that build.
DATABASE_PROVIDER=postgres dotnet ef migrations add "$name" --project "$project" --no-build \
  -o Migrations/Postgres --namespace "RateMyModule.$module.Migrations.Postgres"
if $first; then
  sed -e "s/^namespace RateMyModule.$module.Migrations\$/namespace RateMyModule.$module.Migrations.Postgres/" \
      -e "s/partial class ${module}DbContextModelSnapshot/partial class ${module}DbContextPostgresModelSnapshot/" \
      "$snapshot" > "$pg_snapshot"
  mv "$snapshot.sqlite" "$snapshot"
fi
# The compiled models describe the model the migration was made from; stale ones fail CompiledModelTests.
scripts/compile-models.sh "$module" --no-build
echo "Added $name to both sets of $module and regenerated its compiled models; build, then run its migration tests on each provider (see docs/adding-a-module.md)."
