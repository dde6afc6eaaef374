#!/usr/bin/env bash
# Scanning benchmark: (1) the till's QR decoder (rqrr wasm in a worker) over varied 640x480
# frames in headless Chromium, p50/p95 per frame and the share decoded; (2) scan to confirmed
# stamp through the till's UI with Chromium's fake camera and the server on loopback, p50 over
# 20 scans. See bench/scan.mjs. Usage: bench/scan.sh [--frames N] [--scans N]
set -euo pipefail
cd "$(dirname "$0")/.."

target="${CARGO_TARGET_DIR:-target}"
echo "=== building: the app and its decoder worker (release), the server, the fake camera" >&2
cargo xtask build >&2
cargo build --release --quiet -p regulars-server --bin regulars-server
cargo build --release --quiet -p regulars-scanner --features synth --bin fake-camera
if [[ ! -d end2end/node_modules/@playwright/test ]]; then
  (cd end2end && npm ci --no-audit --no-fund) >&2
fi

echo "=== benchmark" >&2
node bench/scan.mjs --server "$target/release/regulars-server" --fake-camera "$target/release/fake-camera" --dist dist "$@"
