#!/usr/bin/env bash
# Rebuilds strikemap's bundled country data (see data/README.md):
#   data/countries-50m.geojson, data/ukraine-10m.geojson, data/README.md,
#   benches/data/front-line-10k.geojson
# from Natural Earth (npm world-atlas) and Debian's iso-codes.
#
#   bash scripts/countries/build.sh
#
# Needs node + npm (npm registry), python3, and iso-codes (apt-get install -y
# iso-codes; installed here when missing and running as root). npm packages go
# into a temporary directory, never into the repository; set
# COUNTRIES_BUILD_DIR to reuse a directory (e.g. to rerun without a network).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"

WORLD_ATLAS_VERSION=2.0.2
TOPOJSON_CLIENT_VERSION=3.1.0
# SHA-256 of the world-atlas files read, so that the output is reproducible.
SHA_50M=04342cdc1e3016bcd7db1630de95684d67b79fe3c8c460321e87aef469502394
SHA_10M=3bc6f1d367a9bcec479841bae0e76092f512838411d0cef124e92eec4db45f79
# iso-codes version the committed data was built with (names may change
# between versions; a different one only warns).
ISO_CODES_EXPECTED=4.15.0-1
ISO_JSON=/usr/share/iso-codes/json/iso_3166-1.json

for tool in node npm python3; do
  command -v "$tool" >/dev/null || { echo "build.sh: $tool is required" >&2; exit 1; }
done

if [ ! -f "$ISO_JSON" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing Debian's iso-codes" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq iso-codes >/dev/null
  else
    echo "build.sh: $ISO_JSON missing; install Debian's iso-codes (apt-get install iso-codes)" >&2
    exit 1
  fi
fi
ISO_CODES_VERSION="$(dpkg-query -W -f='${Version}' iso-codes 2>/dev/null || echo unknown)"
if [ "$ISO_CODES_VERSION" != "$ISO_CODES_EXPECTED" ]; then
  echo "warning: iso-codes $ISO_CODES_VERSION, the committed data used $ISO_CODES_EXPECTED: names may differ" >&2
fi

if [ -n "${COUNTRIES_BUILD_DIR:-}" ]; then
  WORK="$COUNTRIES_BUILD_DIR"
  mkdir -p "$WORK"
else
  WORK="$(mktemp -d "${TMPDIR:-/tmp}/strikemap-countries.XXXXXX")"
  trap 'rm -rf "$WORK"' EXIT
fi

if [ ! -f "$WORK/node_modules/world-atlas/package.json" ] \
  || [ "$(node -p "require('$WORK/node_modules/world-atlas/package.json').version")" != "$WORLD_ATLAS_VERSION" ] \
  || [ ! -f "$WORK/node_modules/topojson-client/package.json" ] \
  || [ "$(node -p "require('$WORK/node_modules/topojson-client/package.json').version")" != "$TOPOJSON_CLIENT_VERSION" ]; then
  echo "installing world-atlas@$WORLD_ATLAS_VERSION topojson-client@$TOPOJSON_CLIENT_VERSION into $WORK" >&2
  (
    cd "$WORK"
    [ -f package.json ] || echo '{"name":"strikemap-countries-build","private":true}' > package.json
    npm install --silent --no-audit --no-fund --ignore-scripts --save-exact \
      "world-atlas@$WORLD_ATLAS_VERSION" "topojson-client@$TOPOJSON_CLIENT_VERSION" >&2
  )
fi

check_sha() {
  local file="$1" want="$2" got
  got="$(sha256sum "$file" | cut -d' ' -f1)"
  if [ "$got" != "$want" ]; then
    echo "build.sh: unexpected SHA-256 of $file: $got (want $want)" >&2
    exit 1
  fi
}
check_sha "$WORK/node_modules/world-atlas/countries-50m.json" "$SHA_50M"
check_sha "$WORK/node_modules/world-atlas/countries-10m.json" "$SHA_10M"

mkdir -p "$ROOT/data" "$ROOT/benches/data"
node "$HERE/build.mjs" --root "$ROOT" --workdir "$WORK" --iso "$ISO_JSON" \
  --iso-version "$ISO_CODES_VERSION" --summary "$WORK/summary.json" | tee "$HERE/build.log"
node "$HERE/front-line.mjs" --root "$ROOT" | tee -a "$HERE/build.log"
node "$HERE/readme.mjs" --root "$ROOT" --summary "$WORK/summary.json" | tee -a "$HERE/build.log"

# Independent check of the outputs with Python's JSON parser.
python3 - "$ROOT" <<'EOF' | tee -a "$HERE/build.log"
import json, os, sys
root = sys.argv[1]
def load(rel):
    with open(os.path.join(root, rel), encoding="utf-8") as f:
        return json.load(f)
c = load("data/countries-50m.geojson")
u = load("data/ukraine-10m.geojson")
l = load("benches/data/front-line-10k.geojson")
assert c["type"] == "FeatureCollection" and 230 <= len(c["features"]) <= 250, len(c["features"])
assert all(f["geometry"]["type"] == "MultiPolygon" for f in c["features"] + u["features"])
assert [f["properties"]["iso_a2"] for f in u["features"]] == ["UA"]
line = l["features"][0]
assert line["geometry"]["type"] == "LineString" and len(line["geometry"]["coordinates"]) == 10000
assert line["properties"]["synthetic"] is True
size = os.path.getsize(os.path.join(root, "data/countries-50m.geojson"))
assert size <= 3_500_000, size
print(f"python3 json check: countries-50m {len(c['features'])} features, {size} bytes; "
      f"ukraine-10m {len(u['features'])} feature; front line {len(line['geometry']['coordinates'])} vertices")
EOF
