#!/usr/bin/env bash
# Remakes docs/img/claim_map.png, the claim map the README shows (the June
# 2025 claim about the five air bases, 960 px wide to stay under 300 KB).
#
# Usage: bash scripts/docs_claim_map.sh   (from anywhere inside the repository)
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p docs/img
cargo run --quiet -- check "the targets were more than 4,300 miles from Ukraine" \
  --from country:UA --to Olenya --to Belaya --to Dyagilevo --to "Ivanovo Severny" \
  --to Ukrainka --map docs/img/claim_map.png --width 960 > /dev/null
ls -l docs/img/claim_map.png
