#!/bin/sh
# Regenerates the README's screenshots (docs/screenshots): the home page, a module page and "My reviews" at 1280 and
# 390 px, light and dark, taken by the browser test that also checks those pages fit and are accessible.
set -eu
cd "$(dirname "$0")/.."
SCREENSHOTS_DIR="$(pwd)/docs/screenshots" dotnet test test/RateMyModule.Browser.Tests \
    --filter "FullyQualifiedName~ColourSchemeBrowserTests.Home_module_page_and_my_reviews_fit_and_are_accessible"
