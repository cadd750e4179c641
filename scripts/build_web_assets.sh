#!/bin/sh
# Vendor the dashboard's JavaScript from npm (pinned versions) and rebuild its map data.
# The results are committed, so the installed package never needs the network.
# Usage: scripts/build_web_assets.sh   (needs node/npm and a Python with the project)
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
VENDOR="$ROOT/src/skyledger/web/static/vendor"
LEAFLET_VERSION=1.9.4
SWAGGER_UI_VERSION=5.35.0
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

cd "$WORK"
npm init -y >/dev/null
npm install --no-audit --no-fund --ignore-scripts --save-exact \
    "leaflet@$LEAFLET_VERSION" "swagger-ui-dist@$SWAGGER_UI_VERSION" >/dev/null

rm -rf "$VENDOR"
mkdir -p "$VENDOR/leaflet/images" "$VENDOR/swagger-ui"
cp node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.css "$VENDOR/leaflet/"
cp node_modules/leaflet/dist/images/*.png "$VENDOR/leaflet/images/"
cp node_modules/leaflet/LICENSE "$VENDOR/leaflet/LICENSE"
cp node_modules/swagger-ui-dist/swagger-ui-bundle.js node_modules/swagger-ui-dist/swagger-ui.css \
    "$VENDOR/swagger-ui/"
cp node_modules/swagger-ui-dist/LICENSE "$VENDOR/swagger-ui/LICENSE"
# The bundle ends with a source-map comment the package does not ship; drop it.
sed -i '/^\/\/# sourceMappingURL=/d' "$VENDOR/swagger-ui/swagger-ui-bundle.js" "$VENDOR/swagger-ui/swagger-ui.css"
printf 'leaflet %s\nswagger-ui-dist %s\n' "$LEAFLET_VERSION" "$SWAGGER_UI_VERSION" > "$VENDOR/VERSIONS"

cd "$ROOT"
"${PYTHON:-python3}" scripts/build_web_assets.py
