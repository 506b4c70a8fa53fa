#!/usr/bin/env bash
# Renders one street frame under each weather, time-of-day and camera condition and tiles them into
# docs/conditions.png; prints the frames per second of each condition (640x480, 30 frames).
#   bench/conditions.sh [FRAMES]     (needs jq; run from the repository root)
set -euo pipefail
frames="${1:-30}"
base=scenes/street-library.json
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
./mirage validate "$base" >/dev/null   # builds target/mirage.jar when sources changed
# name | jq program applied to the base scene
conditions=(
  'noon, clear|.sky = {"model": "preetham", "turbidity": 2.5} | .sun = {"elevationDeg": 60, "azimuthDeg": 120}'
  'dusk|.sky = {"model": "preetham", "turbidity": 4} | .sun = {"elevationDeg": 1.5, "azimuthDeg": 100}'
  'night: lamps, car lights, windows|.sky = {"model": "preetham", "nightGlowRadiance": 3e-5} | .sun = {"elevationDeg": -25, "azimuthDeg": 100} | .objects |= map(if .asset == "mirage:car" then .params.lights = "on" elif .asset == "mirage:building" then .params.litWindows = {"uniform": [0.2, 0.5]} | .params.seed = {"int": [0, 1000]} else . end) | .objects += [{"name": "street lamp", "asset": "mirage:street_lamp", "count": 4, "position": {"uniform": [[-5.6, 0.15, -45], [-5.6, 0.15, -6]]}, "yawDeg": 90}] | .camera.effects = {"bloom": {"strength": 0.6, "glare": 0.3}}'
  'overcast|.sky = {"model": "preetham", "turbidity": 6, "cloudCover": 0.9} | .sun = {"elevationDeg": 45, "azimuthDeg": 120}'
  'fog, 60 m|.sky = {"model": "preetham", "cloudCover": 0.6} | .sun = {"elevationDeg": 30, "azimuthDeg": 60} | .weather = {"fog": {"visibilityM": 60, "sunScatter": 0.6, "heightFalloffM": 30}}'
  'rain, 15 mm/h|.sky = {"model": "preetham", "cloudCover": 0.85} | .sun = {"elevationDeg": 40, "azimuthDeg": 120} | .weather = {"rain": {"rateMmH": 15, "lensDrops": 6}}'
  'snow, 1.5 mm/h|.sky = {"model": "preetham", "cloudCover": 0.8} | .sun = {"elevationDeg": 35, "azimuthDeg": 120} | .weather = {"snow": {"rateMmH": 1.5}}'
  'fisheye + noise + vignetting|.sky = {"model": "preetham"} | .sun = {"elevationDeg": 50, "azimuthDeg": 120} | .camera.lens = {"model": "fisheye", "k1": 0.05, "k2": 0.01} | .camera.effects = {"noise": {"shot": 0.004, "read": 0.004}, "vignetting": 0.5, "chromaticAberrationPx": 1.5}'
)
tiles=()
for entry in "${conditions[@]}"; do
  name="${entry%%|*}"; program="${entry#*|}"
  slug="$(echo "$name" | tr -c 'a-z0-9' '-')"
  jq "$program" "$base" > "$work/$slug.json"
  out="$work/$slug-out"
  line="$(java -jar target/mirage.jar render "$work/$slug.json" -o "$out" -n "$frames" --width 640 --height 480 --quiet)"
  echo "$name: ${line##*; }"
  tiles+=("$name=$out/rgb/000000.png")
done
java bench/ContactSheet.java docs/conditions.png 4 400 "${tiles[@]}"
