#!/usr/bin/env bash
# Checks KML and KMZ files with a real map tool: GDAL's ogrinfo (LIBKML
# driver, as Debian's gdal-bin has it).
#
#   bash scripts/check_kml.sh DIR
#
# DIR/kml_manifest.txt lists one file a line, "FILE COUNT TYPES [FOLDERS]",
# e.g.
#
#   scenario.kmz 4 LineString,Point,Polygon 3
#
# For every file listed, ogrinfo must open it without errors, report COUNT
# features summed over its layers (one layer per KML Folder; FOLDERS
# layers if given), find exactly the geometry types listed, and show an
# OGR style (the KML Style strikemap wrote, read back by GDAL as PEN,
# BRUSH or SYMBOL) on every feature. Every *.kml and *.kmz file in DIR must
# be listed.
set -euo pipefail

dir=${1:?usage: check_kml.sh DIR}
manifest="$dir/kml_manifest.txt"
[ -f "$manifest" ] || { echo "check_kml: no manifest at $manifest" >&2; exit 2; }
command -v ogrinfo >/dev/null 2>&1 || { echo "check_kml: ogrinfo not found (apt-get install gdal-bin)" >&2; exit 2; }

failures=0
checked=0
fail() {
  echo "FAIL $1"
  failures=$((failures + 1))
}

shopt -s nullglob
for path in "$dir"/*.kml "$dir"/*.kmz; do
  name=$(basename "$path")
  grep -q "^${name} " "$manifest" || fail "$name: written but not listed in $manifest"
done

while read -r file count types folders _rest; do
  case "${file:-#}" in \#*) continue ;; esac
  checked=$((checked + 1))
  before=$failures
  path="$dir/$file"
  [ -f "$path" ] || { fail "$file: listed in the manifest but missing"; continue; }
  if ! all=$(ogrinfo -ro -al -geom=SUMMARY "$path" 2>&1); then
    fail "$file: ogrinfo cannot open it"
    printf '%s\n' "$all" | sed 's/^/    /'
    continue
  fi
  if printf '%s\n' "$all" | grep -q '^ERROR'; then
    fail "$file: ogrinfo reported errors"
    printf '%s\n' "$all" | grep '^ERROR' | sed 's/^/    /'
  fi
  driver=$(printf '%s\n' "$all" | sed -n "s/.*using driver \`\([A-Z]*\)'.*/\1/p" | head -n 1)
  got_count=0
  while read -r n; do
    got_count=$((got_count + n))
  done < <(printf '%s\n' "$all" | sed -n 's/^Feature Count: //p')
  [ "$got_count" = "$count" ] || fail "$file: ogrinfo counts $got_count features, the manifest expects $count"
  layers=$(printf '%s\n' "$all" | grep -c '^Layer name: ' || true)
  if [ -n "${folders:-}" ] && [ "$layers" != "$folders" ]; then
    fail "$file: ogrinfo finds $layers layers (Folders), the manifest expects $folders"
  fi
  want=$(printf '%s\n' "${types//,/$'\n'}" | tr '[:lower:]' '[:upper:]' | sort -u | paste -sd, -)
  got=$(printf '%s\n' "$all" | sed -n 's/^  \([A-Z][A-Z]*\) :.*/\1/p' | sort -u | paste -sd, -)
  [ "$got" = "$want" ] || fail "$file: ogrinfo finds geometry types [$got], the manifest expects [$want]"
  styled=$(printf '%s\n' "$all" | grep -cE '^  Style = (PEN|BRUSH|SYMBOL)' || true)
  [ "$styled" = "$count" ] || fail "$file: $styled of $count features have an OGR style"
  [ "$failures" = "$before" ] || continue
  echo "ok   $file: $got_count features in $layers layer(s), types $types, every one styled; driver $driver"
done < "$manifest"

[ "$checked" != "0" ] || fail "$manifest lists no files"
if [ "$failures" != "0" ]; then
  echo "check_kml: $failures problem(s) in $dir"
  exit 1
fi
echo "check_kml: $checked file(s) in $dir open in GDAL with the expected features and styles"
