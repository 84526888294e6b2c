#!/usr/bin/env bash
# Compare strikemap with Turf.js, pyproj/GeographicLib and shapely/geopandas on
# one generated data set: time per query, ratio to strikemap, and how far each
# answer is from strikemap's exact WGS84 answer. See benches/compare/README.md.
#
# Usage: benches/compare/run.sh [options]
#   --n N            regional query points and point pairs (default 2000; the five air bases are added)
#   --reverse-n N    points for the reverse look-up (default 1000000)
#   --only OPS       run only these operations, comma-separated: point-to-point, point-to-ukraine,
#                    point-to-front-line, geojson-export, reverse-lookup, parquet-export, or a unique start of one
#                    (--only reverse: the reverse look-up alone); not with --write
#   --seed S         data set seed (default 20250601)
#   --crate DIR      the strikemap checkout to measure (default: the one holding this script);
#                    its data/ukraine-10m.geojson, data/regions-10m.geojson, data/countries-50m.geojson
#                    and benches/data/front-line-10k.geojson are used
#   --work DIR       work folder for the data set, results, build and installs
#                    (default ${TMPDIR:-/tmp}/strikemap-compare; never the repository)
#   --install        pip install requirements.txt into DIR/venv and npm ci package.json into DIR/node
#   --write          also write the table to benches/compare/RESULTS.md
#   --min-repeats R  timed passes per tool at least (default 3)
#   --min-time S     and at least this many seconds of passes (default 1)
#   --max-time S     but stop after the pass that crosses S seconds (default 20)
#   --warm-up N      untimed queries before timing (default 100)
#   --quick          smoke test: --n 200 --reverse-n 20000 --min-time 0.2 --max-time 2
#   -h, --help       this help
# Environment: PYTHON (interpreter with the Python peers; default DIR/venv/bin/python
# if it exists, else python3), NODE (default node), CARGO (default cargo).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
crate="$repo"
n=2000
reverse_n=1000000
only=""
seed=20250601
work="${TMPDIR:-/tmp}/strikemap-compare"
install=0
write=0
min_repeats=3
min_time=1
max_time=20
warm_up=100
command_line="benches/compare/run.sh${*:+ $*}"

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    --n) n="$2"; shift 2 ;;
    --reverse-n) reverse_n="$2"; shift 2 ;;
    --only) only="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    --crate) crate="$2"; shift 2 ;;
    --install) install=1; shift ;;
    --write) write=1; shift ;;
    --min-repeats) min_repeats="$2"; shift 2 ;;
    --min-time) min_time="$2"; shift 2 ;;
    --max-time) max_time="$2"; shift 2 ;;
    --warm-up) warm_up="$2"; shift 2 ;;
    --quick) n=200; reverse_n=20000; min_time=0.2; max_time=2; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

# --only: each item an operation id or the start of exactly one.
ops=(point-to-point point-to-ukraine point-to-front-line geojson-export reverse-lookup parquet-export)
selected=()
if [ -n "$only" ]; then
  if [ "$write" = 1 ]; then
    echo "run.sh: --write rewrites RESULTS.md whole; run every operation to write it (drop --only)" >&2; exit 2
  fi
  IFS=, read -r -a wanted <<< "$only"
  for w in "${wanted[@]}"; do
    matches=()
    for op in "${ops[@]}"; do
      if [ "$op" = "$w" ]; then matches=("$op"); break; fi
      case "$op" in "$w"*) matches+=("$op") ;; esac
    done
    if [ "${#matches[@]}" -ne 1 ]; then
      echo "run.sh: --only: '$w' names ${#matches[@]} operations (known: ${ops[*]})" >&2; exit 2
    fi
    selected+=("${matches[0]}")
  done
else
  selected=("${ops[@]}")
fi
only_list="$(IFS=,; echo "${selected[*]}")"
wants() { case ",$only_list," in *",$1,"*) return 0 ;; esac; return 1; }

case "$(realpath -m "$work")/" in
  "$repo"/*) echo "run.sh: --work must be outside the repository ($repo)" >&2; exit 2 ;;
esac
mkdir -p "$work"
work="$(cd "$work" && pwd)"
crate="$(cd "$crate" && pwd)"
[ -f "$crate/Cargo.toml" ] || { echo "run.sh: no Cargo.toml in $crate" >&2; exit 2; }
data="$work/data"
results="$work/results"
mkdir -p "$data" "$results"
rm -f "$results"/*.json

note() { printf '%s\n' "$*" >&2; }
# A runner's result file that only says why it did not run.
skipped() { printf '{"runner": "%s", "skipped": [{"op": "all operations", "tool": "%s", "why": "%s"}], "results": []}\n' "$1" "$2" "$3" > "$results/$1.json"; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown; }
load_start="$(loadavg)"
cores="$(nproc 2>/dev/null || echo 1)"
if awk -v l="${load_start%% *}" -v c="$cores" 'BEGIN { exit !(l > c / 2) }' 2>/dev/null; then
  note "-- warning: load average $load_start on $cores cores: other work is running, timings will be noisy"
fi
timing=(--min-repeats "$min_repeats" --min-time "$min_time" --max-time "$max_time" --warm-up "$warm_up" --only "$only_list")

NODE="${NODE:-node}"
CARGO="${CARGO:-cargo}"
if [ -z "${PYTHON:-}" ]; then
  if [ -x "$work/venv/bin/python" ] || [ "$install" = 1 ]; then PYTHON="$work/venv/bin/python"; else PYTHON=python3; fi
fi
host_python=python3
command -v "$host_python" >/dev/null || host_python="$PYTHON"
command -v "$host_python" >/dev/null || { note "run.sh: Python 3 is needed for the data set and the report"; exit 1; }

# ---- optional installs, all under $work
if [ "$install" = 1 ]; then
  if [ ! -x "$work/venv/bin/python" ]; then
    note "== creating $work/venv"
    "$host_python" -m venv "$work/venv"
  fi
  note "== pip install -r requirements.txt into $work/venv"
  "$work/venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$here/requirements.txt"
  if command -v "$NODE" >/dev/null && command -v npm >/dev/null; then
    note "== npm ci (package.json, package-lock.json) into $work/node"
    mkdir -p "$work/node"
    cp "$here/package.json" "$here/package-lock.json" "$work/node/"
    (cd "$work/node" && npm ci --silent --no-audit --no-fund)
  else
    note "-- node or npm not found: Turf.js will be skipped"
  fi
fi

# ---- 1. the data set
note "== data set into $data"
"$host_python" "$here/peers.py" gen --out "$data" --repo "$crate" --n "$n" --reverse-n "$reverse_n" --seed "$seed"

# ---- 2. strikemap, through the driver (built outside the repository)
# The driver is copied to $work and pointed at the checkout, with the crate's
# own Cargo.lock as its lock file, so strikemap's dependencies are the locked
# ones and nothing is written into the repository.
note "== building the strikemap driver (release)"
rm -rf "$work/driver"
mkdir -p "$work/driver"
cp -r "$here/driver/src" "$work/driver/"
sed "s|path = \"../../..\"|path = \"$crate\"|" "$here/driver/Cargo.toml" > "$work/driver/Cargo.toml"
cp "$crate/Cargo.lock" "$work/driver/Cargo.lock"
CARGO_TARGET_DIR="$work/target" "$CARGO" build --quiet --release --manifest-path "$work/driver/Cargo.toml"
note "== timing strikemap"
"$work/target/release/strikemap-compare-driver" "$data" "${timing[@]}" > "$results/strikemap.json"

# ---- 3. Python peers
if command -v "$PYTHON" >/dev/null || [ -x "$PYTHON" ]; then
  note "== timing Python peers with $PYTHON"
  if ! "$PYTHON" "$here/peers.py" run --data "$data" "${timing[@]}" > "$results/python.json"; then
    note "-- the Python peers failed; their rows are missing"
    skipped python "Python peers" "peers.py run failed (see its messages)"
  fi
else
  note "-- $PYTHON not found: Python peers skipped"
  skipped python "Python peers" "no Python interpreter $PYTHON"
fi

# ---- 4. Turf.js (no reverse look-up)
if ! wants point-to-point && ! wants point-to-ukraine && ! wants point-to-front-line && ! wants geojson-export; then
  # (Turf has no GeoParquet writer: parquet-export is strikemap and geopandas.)
  note "-- Turf.js has none of the operations selected (--only $only_list)"
elif command -v "$NODE" >/dev/null; then
  modules="$here"
  [ -d "$here/node_modules/@turf/turf" ] || modules="$work/node"
  note "== timing Turf.js with node $("$NODE" --version) (modules from $modules)"
  if ! "$NODE" "$here/turf.mjs" "$data" --modules "$modules" "${timing[@]}" > "$results/turf.json"; then
    note "-- Turf.js failed; its rows are missing"
    skipped turf "Turf.js" "turf.mjs failed (see its messages)"
  fi
else
  note "-- node not found: Turf.js skipped"
  skipped turf "Turf.js" "node not found"
fi

# ---- 5. the table
version="$(sed -n 's/^version = "\(.*\)"/\1/p' "$crate/Cargo.toml" | head -n1)"
rev="$(git -C "$crate" rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [ -n "$(git -C "$crate" status --porcelain --untracked-files=no 2>/dev/null)" ]; then rev="$rev + uncommitted changes"; fi
write_args=()
[ "$write" = 1 ] && write_args=(--write "$here/RESULTS.md")
"$host_python" "$here/peers.py" report "$results"/*.json --data "$data" \
  --meta "strikemap=$version (git $rev), release profile, single-threaded$(wants reverse-lookup && echo " (the reverse look-up also on rayon's default pool, $cores cores)")" \
  --meta "rustc=$(rustc --version 2>/dev/null || echo unknown)" \
  --meta "command=$command_line" \
  --meta "date=$(date -u +%Y-%m-%d)" \
  --meta "load average (1, 5, 15 min) at start; at end=$load_start; $(loadavg)" \
  "${write_args[@]}"
