#!/usr/bin/env bash
# Checks GeoJSON files with a real map tool: GDAL's ogrinfo.
#
#   bash scripts/check_geojson.sh DIR
#
# DIR holds the files an example wrote and DIR/manifest.txt, written by
# strikemap::Manifest: one line per file, "FILE COUNT TYPES", e.g.
#
#   ring_and_arc.geojson 5 LineString,MultiLineString,MultiPolygon,Point,Polygon
#
# For every file listed, ogrinfo must open it (GeoJSON driver for .geojson,
# GeoJSONSeq for .geojsons), report COUNT features, and find exactly the
# geometry types listed among them, and (where GDAL has SpatiaLite) every
# geometry must be valid. Every *.geojson and *.geojsons file in DIR must
# be listed. Needs bash, coreutils, grep, sed and gdal-bin
# (Debian: apt-get install gdal-bin).
set -euo pipefail

dir=${1:?usage: check_geojson.sh DIR}
manifest="$dir/manifest.txt"
if [ ! -f "$manifest" ]; then
  echo "check_geojson: no manifest at $manifest" >&2
  exit 2
fi
if ! command -v ogrinfo >/dev/null 2>&1; then
  echo "check_geojson: ogrinfo not found (apt-get install gdal-bin)" >&2
  exit 2
fi

# The layer geometry ogrinfo reports for a GeoJSON geometry type.
layer_name() {
  case "$1" in
    Point) echo "Point" ;;
    MultiPoint) echo "Multi Point" ;;
    LineString) echo "Line String" ;;
    MultiLineString) echo "Multi Line String" ;;
    Polygon) echo "Polygon" ;;
    MultiPolygon) echo "Multi Polygon" ;;
    *) echo "Unknown (any)" ;;
  esac
}

failures=0
checked=0
fail() {
  echo "FAIL $1"
  failures=$((failures + 1))
}

shopt -s nullglob
for path in "$dir"/*.geojson "$dir"/*.geojsons; do
  name=$(basename "$path")
  if ! grep -q "^${name} " "$manifest"; then
    fail "$name: written but not listed in $manifest"
  fi
done

while read -r file count types _rest; do
  case "${file:-#}" in \#*) continue ;; esac
  checked=$((checked + 1))
  before=$failures
  path="$dir/$file"
  if [ ! -f "$path" ]; then
    fail "$file: listed in the manifest but missing"
    continue
  fi
  if ! summary=$(ogrinfo -ro -so -al "$path" 2>&1); then
    fail "$file: ogrinfo cannot open it"
    printf '%s\n' "$summary" | sed 's/^/    /'
    continue
  fi
  if printf '%s\n' "$summary" | grep -q '^ERROR'; then
    fail "$file: ogrinfo reported errors"
    printf '%s\n' "$summary" | grep '^ERROR' | sed 's/^/    /'
  fi

  # Feature count, summed over layers (a GeoJSON file has one).
  got_count=0
  while read -r n; do
    got_count=$((got_count + n))
  done < <(printf '%s\n' "$summary" | sed -n 's/^Feature Count: //p')
  if [ "$got_count" != "$count" ]; then
    fail "$file: ogrinfo counts $got_count features, the manifest expects $count"
  fi

  # Geometry types, feature by feature.
  want=$(printf '%s\n' "${types//,/$'\n'}" | grep -v '^-$' | tr '[:lower:]' '[:upper:]' | sort -u | paste -sd, -)
  got=$(ogrinfo -ro -al -geom=SUMMARY "$path" 2>/dev/null \
    | sed -n 's/^  \([A-Z][A-Z]*\) :.*/\1/p' | sort -u | paste -sd, -)
  if [ "$got" != "$want" ]; then
    fail "$file: ogrinfo finds geometry types [$got], the manifest expects [$want]"
  fi

  # The layer's geometry: the one type, or "Unknown (any)" for a mix (GDAL
  # may also report a mix of X and MultiX as MultiX).
  layer=$(printf '%s\n' "$summary" | sed -n 's/^Geometry: //p' | head -n 1)
  n_types=$(printf '%s\n' "${types//,/$'\n'}" | grep -vc '^-$' || true)
  if [ "$n_types" = "1" ]; then
    expected_layer=$(layer_name "$types")
    if [ "$layer" != "$expected_layer" ]; then
      fail "$file: ogrinfo reports layer geometry '$layer', expected '$expected_layer'"
    fi
  elif [ "$n_types" -gt 1 ]; then
    case "$layer" in
      "Unknown (any)" | Multi*) ;;
      *) fail "$file: ogrinfo reports layer geometry '$layer' for mixed types $types" ;;
    esac
  fi

  # Geometry validity (OGC simple features) through GDAL's SQLite dialect,
  # when GDAL was built with SpatiaLite (Debian's is).
  layer_name=$(printf '%s\n' "$summary" | sed -n 's/^Layer name: //p' | head -n 1)
  validity="not checked (no SpatiaLite)"
  if valid=$(ogrinfo -ro -q -dialect SQLite \
    -sql "SELECT ST_IsValid(geometry) AS valid FROM \"${layer_name//\"/\"\"}\"" "$path" 2>/dev/null); then
    invalid=$(printf '%s\n' "$valid" | grep -c 'valid (Integer) = 0' || true)
    checked_valid=$(printf '%s\n' "$valid" | grep -c 'valid (Integer) = ' || true)
    if [ "$checked_valid" -gt 0 ]; then
      validity="$((checked_valid - invalid))/$checked_valid valid"
      if [ "$invalid" != "0" ]; then
        fail "$file: GDAL finds $invalid invalid geometries (ST_IsValid)"
      fi
    fi
  fi

  extent=$(printf '%s\n' "$summary" | sed -n 's/^Extent: //p' | head -n 1)
  [ "$failures" = "$before" ] || continue
  echo "ok   $file: $got_count features, types $types; ogrinfo: Geometry: $layer; Extent: ${extent:-none}; $validity"
done < "$manifest"

if [ "$checked" = "0" ]; then
  fail "$manifest lists no files"
fi
if [ "$failures" != "0" ]; then
  echo "check_geojson: $failures problem(s) in $dir"
  exit 1
fi
echo "check_geojson: $checked file(s) in $dir open in GDAL with the expected features"
