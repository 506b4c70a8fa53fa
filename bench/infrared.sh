#!/usr/bin/env bash
# Frames per second of scenes/street-infrared.json with every sensor, with the default four
# (rgb, depth, instance, semantic) and with rgb + thermal, at 640x480; then docs/sensors.png: one day
# and one night frame as RGB, thermal, NIR, depth and normals.
#   bench/infrared.sh [FRAMES]     (needs jq; run from the repository root)
set -euo pipefail
frames="${1:-20}"
base=scenes/street-infrared.json
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
./mirage validate "$base" >/dev/null   # builds target/mirage.jar when sources changed
variants=(
  'all eight sensors|.'
  'rgb, depth, instance, semantic (no infrared)|del(.sensors)'
  'rgb + thermal|.sensors = ["rgb", "thermal", "instance"]'
  'rgb + nir|.sensors = ["rgb", "nir", "instance"]'
)
for entry in "${variants[@]}"; do
  name="${entry%%|*}"; program="${entry#*|}"
  slug="$(echo "$name" | tr -c 'a-z0-9' '-')"
  jq "$program" "$base" > "$work/$slug.json"
  line="$(java -jar target/mirage.jar render "$work/$slug.json" -o "$work/$slug-out" -n "$frames" --width 640 --height 480 --quiet)"
  echo "$name: ${line##*; }"
done
# the sheet: a day frame of the scene and a night frame (sun down, car lights and street lamps on)
jq '.sun = {"elevationDeg": -20, "azimuthDeg": 100} | .sky = {"model": "preetham", "nightGlowRadiance": 3e-5}
    | .thermal.airTemperatureC = 6
    | .objects |= map(if .asset == "mirage:car" then .params.lights = "on" else . end)
    | .objects += [{"name": "street lamp", "asset": "mirage:street_lamp", "count": 4, "position": {"uniform": [[-5.6, 0.15, -45], [-5.6, 0.15, -6]]}, "yawDeg": 90}]' \
  "$base" > "$work/night.json"
java -jar target/mirage.jar render "$base" -o "$work/day" -n 1 --from 3 --width 640 --height 360 --quiet >/dev/null
java -jar target/mirage.jar render "$work/night.json" -o "$work/night" -n 1 --from 3 --width 640 --height 360 --quiet >/dev/null
java bench/SensorSheet.java "$work/day" "$work/day.png" 3
java bench/SensorSheet.java "$work/night" "$work/night.png" 3
java bench/SensorSheet.java --stack docs/sensors.png "$work/day.png" "$work/night.png"
echo "wrote docs/sensors.png"
