#!/usr/bin/env bash
# Measures the module page's server time with many reviews in the database (default 200,000).
# Seeds with batched multi-row INSERTs in one transaction, rebuilds the per-module aggregates, then times each
# request 20 times (after 3 warm-ups) through the in-process test server. Results: docs/benchmarks/reviews-results.md
set -euo pipefail
cd "$(dirname "$0")/../.."
export REVIEWS_BENCHMARK_REVIEWS="${1:-200000}"
export REVIEWS_BENCHMARK_OUTPUT="${REVIEWS_BENCHMARK_OUTPUT:-$PWD/docs/benchmarks/reviews-results.md}"
dotnet test test/RateMyModule.Reviews.Tests --filter "FullyQualifiedName~ModulePageScaleTests" --logger "console;verbosity=normal"
cat "$REVIEWS_BENCHMARK_OUTPUT"
