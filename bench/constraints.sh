#!/usr/bin/env bash
# What constraints and coverage cost: renders scenes/street-library.json without constraints, with a
# constraint on a sampled value, with issue 9's constraint on labels (a pedestrian 40-80% occluded,
# at least 20 px tall, within 30 m), and with coverage bins; prints each run's frames per second
# and acceptance statistics.
#   bench/constraints.sh [FRAMES] [WIDTH] [HEIGHT]    (needs jq; run from the repository root)
set -euo pipefail
frames="${1:-20}"; width="${2:-640}"; height="${3:-360}"
base=scenes/street-library.json
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
./mirage validate "$base" >/dev/null   # builds target/mirage.jar when sources changed
cases=(
  'no constraints|.'
  'sampled value: sun elevation >= 40 deg|.constraints = [{"sampled": "/sun/elevationDeg", "min": 40}]'
  'labels: pedestrian, occlusion 0.4-0.8, >= 20 px, <= 30 m|.constraints = [{"category": "pedestrian", "count": {"min": 1}, "occlusion": [0.4, 0.8], "boxHeightPx": {"min": 20}, "distanceM": {"max": 30}}] | .sampling = {"maxAttempts": 200}'
  'coverage: low sun 1, pedestrian within 12 m 1, any 2|.coverage = {"bins": [{"name": "low-sun", "frames": 1, "where": [{"sampled": "/sun/elevationDeg", "max": 30}]}, {"name": "near-pedestrian", "frames": 1, "where": [{"category": "pedestrian", "distanceM": {"max": 12}, "boxHeightPx": {"min": 20}}]}, {"name": "any", "frames": 2}]} | .sampling = {"maxAttempts": 200}'
)
for entry in "${cases[@]}"; do
  name="${entry%%|*}"; program="${entry#*|}"
  slug="$(echo "$name" | tr -c 'a-z0-9' '-' | cut -c1-40)"
  jq "$program" "$base" > "$work/$slug.json"
  echo "== $name"
  /usr/bin/time -f "wall %e s" java -jar target/mirage.jar render "$work/$slug.json" -o "$work/$slug-out" -n "$frames" \
    --width "$width" --height "$height" --quiet --stats | grep -E 'frames rendered|acceptance|passed|bin |^render |^label |wall'
done
