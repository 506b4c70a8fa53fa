#!/usr/bin/env bash
# Acceptance rate and frames per second of each edge-case template in scenes/driving/ (their label
# constraints resample a frame until the edge case is in it).
#   bench/edge-cases.sh [FRAMES] [WIDTH] [HEIGHT]    (needs jq; run from the repository root)
set -euo pipefail
frames="${1:-30}"; width="${2:-640}"; height="${3:-360}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
./mirage validate scenes/driving/animal-on-road.json >/dev/null   # builds target/mirage.jar when sources changed
echo "| template | constraint | frames | attempts | acceptance | frames/s |"
echo "| --- | --- | --- | --- | --- | --- |"
for scene in occluded-pedestrian-crossing child-near-road animal-on-road debris-lost-cargo wrong-way-vehicle \
             emergency-vehicle cyclist-dusk dense-fog-stopped-traffic low-sun-glare; do
  out="$work/$scene"
  line="$(java -jar target/mirage.jar render "scenes/driving/$scene.json" -o "$out" -n "$frames" \
          --width "$width" --height "$height" --quiet | grep 'frames/s')"
  fps="${line##*; }"
  jq -r --arg scene "$scene" --arg fps "${fps% frames/s}" \
    '"| \($scene) | \(.conditions | map(.condition) | join("; ")) | \(.frames) | \(.attempts) | \(.acceptanceRate * 1000 | round / 10)% | \($fps) |"' \
    "$out/annotations/acceptance.json"
done
