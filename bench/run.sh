#!/usr/bin/env bash
# Frames per second end to end (render + readback + label + encode + write), per stage and peak
# memory, for the benchmark and street scenes at 640x480 and 1280x720. Usage: bench/run.sh [FRAMES]
# Compare numbers from one run on one quiet machine: these machines vary by ±30% between runs.
set -euo pipefail
cd "$(dirname "$0")/.."
frames="${1:-60}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
./mirage --version >/dev/null
for scene in bench street; do
  for size in 640x480 1280x720; do
    w="${size%x*}"; h="${size#*x}"
    echo "== $scene $size, $frames frames"
    /usr/bin/time -f "process: %e s wall, %M KiB max resident" \
      ./mirage render "scenes/$scene.json" -o "$work/$scene-$size" -n "$frames" --width "$w" --height "$h" --stats -q
  done
done
