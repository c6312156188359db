#!/usr/bin/env bash
# Copies the front-end libraries pinned in package.json/package-lock.json into wwwroot/lib, with their licences.
# The copies are committed, so the site needs neither npm nor a CDN at run time; run this again only to upgrade.
set -euo pipefail
cd "$(dirname "$0")"

npm ci --ignore-scripts --no-audit --no-fund

lib=wwwroot/lib
rm -rf "$lib/bootstrap" "$lib/htmx"
mkdir -p "$lib/bootstrap/css" "$lib/bootstrap/js" "$lib/htmx"

cp node_modules/bootstrap/dist/css/bootstrap.min.css "$lib/bootstrap/css/"
cp node_modules/bootstrap/dist/js/bootstrap.bundle.min.js "$lib/bootstrap/js/"
cp node_modules/bootstrap/LICENSE "$lib/bootstrap/LICENSE.txt"
# .txt so that the static file server serves them. The bundle includes Popper, so its licence travels with it.
cp node_modules/@popperjs/core/LICENSE.md "$lib/bootstrap/LICENSE-popper.txt"

cp node_modules/htmx.org/dist/htmx.min.js "$lib/htmx/"
cp node_modules/htmx.org/LICENSE "$lib/htmx/LICENSE.txt"

echo "Vendored bootstrap $(node -p "require('./node_modules/bootstrap/package.json').version") and htmx.org $(node -p "require('./node_modules/htmx.org/package.json').version") into $lib"
