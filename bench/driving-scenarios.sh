#!/usr/bin/env bash
# Renders every scene in scenes/driving (FRAMES frames each, 480x270, seed 0), prints each scene's
# frames per second, and tiles frame TILE of each into docs/driving-scenarios.png.
#   bench/driving-scenarios.sh [FRAMES] [TILE]     (run from the repository root)
set -euo pipefail
frames="${1:-4}"
tile="${2:-0}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
./mirage validate scenes/driving/highway.json >/dev/null   # builds target/mirage.jar when sources changed
tiles=()
for scene in scenes/driving/*.json; do
  name="$(basename "$scene" .json)"
  line="$(java -jar target/mirage.jar render "$scene" -o "$work/$name" -n "$frames" --width 480 --height 270 --quiet | grep 'frames/s')"
  echo "$name: ${line##*; }"
  tiles+=("$name=$work/$name/rgb/$(printf '%06d' "$tile").png")
done
java bench/ContactSheet.java docs/driving-scenarios.png 4 400 "${tiles[@]}"
