#!/usr/bin/env bash
# Scanning benchmark: (1) the till's QR decoder worker in headless Chromium over two fixed sets of
# varied 640x480 frames (the tuned set and a held-out one): the till's chain (rxing's zxing-cpp
# reader, then the grid reader) and single readers alone (rqrr, the till's first decoder; rxing's
# zxing-cpp and Java ZXing ports), the share decoded at the first frame and within three, p50/p95
# per frame at the first pass and p95/slowest over all three; beside them zbar
# (Debian's libzbar0 through pyzbar, a reference only, in a virtual environment under target/) on
# the same frames; (2) scan to confirmed stamp through the till's UI with Chromium's fake camera
# and the server on loopback, p50 over 20 scans. See bench/scan.mjs.
# Usage: bench/scan.sh [--frames N] [--scans N]
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

# zbar, the reference decoder: libzbar0 from Debian, pyzbar from PyPI in a virtual environment.
if ! ldconfig -p | grep -q libzbar.so.0; then
  if [[ $(id -u) -eq 0 ]]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libzbar0 </dev/null >&2
  else
    echo "libzbar0 is missing (apt-get install libzbar0): the zbar reference line is skipped" >&2
  fi
fi
venv="$target/bench-venv"
if [[ ! -x "$venv/bin/python" ]]; then
  python3 -m venv "$venv" >&2
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check 'pyzbar==0.1.9' >&2
export ZBAR_PYTHON="$venv/bin/python"

echo "=== benchmark" >&2
node bench/scan.mjs --server "$target/release/regulars-server" --fake-camera "$target/release/fake-camera" --dist dist "$@"
