#!/bin/sh
# The container's entrypoint: migrate, publish the static assets for nginx, then become the web host.
# Paths and the port can be overridden so that etc/docker/smoke-test.sh runs this same script outside a container.
set -eu

APP_DIR="${APP_DIR:-/app}"
STATIC_ROOT="${STATIC_ROOT:-/static}"
APP_PORT="${APP_PORT:-8000}"
# ROLE: "all" (one container: migrate, copy the assets, serve), or with several replicas (docs/deployment.md)
# "release" (migrate and copy the assets once, then exit) and "web" (serve only, after the release step).
ROLE="${ROLE:-all}"
case "$ROLE" in
    all | release | web) ;;
    *) echo "configuration error: ROLE '$ROLE' is unknown; use all, release or web." >&2; exit 1 ;;
esac

# The content root (appsettings.json, wwwroot) is the working directory, as WORKDIR /app makes it in the image.
cd "$APP_DIR"

if [ "$ROLE" = web ]; then
    echo "entrypoint: the release step has migrated the database and copied the static assets"
else
    echo "entrypoint: migrating the database"
    # set -e stops here on a non-zero exit: the web host never starts against a half-migrated database.
    dotnet "$APP_DIR/RateMyModule.DbMigrator.dll"
    echo "entrypoint: migration finished"

    # The host's wwwroot holds every module's assets too (published under wwwroot/_content/<Module>/). Copy into
    # the shared volume, replacing what an older image left, so nginx serves this version's files.
    if [ -d "$APP_DIR/wwwroot" ]; then
        mkdir -p "$STATIC_ROOT"
        find "$STATIC_ROOT" -mindepth 1 -delete
        cp -R "$APP_DIR/wwwroot/." "$STATIC_ROOT/"
        echo "entrypoint: static assets copied to $STATIC_ROOT"
    fi
fi

if [ "$ROLE" = release ]; then
    echo "entrypoint: release step done"
    exit 0
fi

echo "entrypoint: starting the web host on port $APP_PORT"
# The .NET images set ASPNETCORE_HTTP_PORTS=8080; --urls decides instead, without the override warning.
unset ASPNETCORE_HTTP_PORTS ASPNETCORE_HTTPS_PORTS
# exec: the web host replaces this shell, so docker stop's SIGTERM reaches it and it shuts down cleanly.
exec dotnet "$APP_DIR/RateMyModule.Web.dll" --urls "http://0.0.0.0:$APP_PORT"
