#!/usr/bin/env bash
# Cost of the visibility (amodal) pass per frame at 10, 50 and 100 labeled objects: the same street
# of boxes rendered with "labels.visibility" true and false, 640x480, `mirage bench` per case.
# Usage: bench/visibility.sh [FRAMES]
set -euo pipefail
cd "$(dirname "$0")/.."
frames="${1:-40}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for n in 10 50 100; do
  for visibility in true false; do
    cat > "$work/boxes-$n-$visibility.json" <<JSON
{
  "mirage": 1, "name": "boxes-$n", "image": { "width": 640, "height": 480 },
  "camera": { "position": [0, 1.6, 4], "lookAt": [0, 1.0, -30], "fovDeg": 55, "farM": 300 },
  "categories": [ { "id": 1, "name": "car" } ],
  "objects": [
    { "shape": "plane", "size": [200, 200], "color": "#55575a" },
    { "shape": "box", "category": "car", "count": $n, "size": [1.8, 1.5, 4.5],
      "position": { "uniform": [[-12, 0.75, -80], [12, 0.75, -6]] }, "yawDeg": { "uniform": [0, 360] },
      "color": { "hsv": [[0, 0.2, 0.3], [360, 0.8, 0.9]] } }
  ],
  "labels": { "visibility": $visibility }
}
JSON
  done
done
scenes=$(ls "$work"/boxes-*.json | sort -V | paste -sd, -)
./mirage bench -n "$frames" --scenes "$scenes" --sizes 640x480
