#!/usr/bin/env bash
# First-load benchmark: how long a shopper waits on a poor phone connection from the join link to
# a usable Join button and from Join to the card's QR, how long the installed card takes to open
# without signal, each against a floor page of the same bytes; how fast the till gets ready for
# the next customer and shows a scanned one; and the size of each bundle. See bench/first-load.mjs.
#
# Builds the release app (skipped with REGULARS_BENCH_SKIP_BUILD=1, for a dist/ that is already a
# release build) and the server, serves a copy of dist/ (the floor pages are written into it while
# the benchmark runs) from a fresh data directory on a free port, and prints one table to stdout.
# REGULARS_BENCH_RUNS (default 10) sets the runs of the phone measures, REGULARS_BENCH_TILL_RUNS
# (default twice that) the till's scans.
set -euo pipefail
cd "$(dirname "$0")/.."

target="${CARGO_TARGET_DIR:-target}"
if [[ "${REGULARS_BENCH_SKIP_BUILD:-}" == 1 ]]; then
  echo "=== REGULARS_BENCH_SKIP_BUILD=1: using dist/ as it is" >&2
else
  echo "=== building the app (release)" >&2
  cargo xtask build >&2
fi
profile=$(node -p "require('./dist/build.json').profile")
if [[ "$profile" != release ]]; then
  echo "warning: dist/ is a $profile build; its numbers say little about what phones get" >&2
fi
echo "=== building the server (release)" >&2
cargo build --release --quiet -p regulars-server --bin regulars-server >&2
if [[ ! -d end2end/node_modules/@playwright/test ]]; then
  (cd end2end && npm ci --no-audit --no-fund) >&2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/regulars-first-load.XXXXXX")
server=""
cleanup() {
  if [[ -n "$server" ]] && kill -0 "$server" 2>/dev/null; then
    kill "$server"
    wait "$server" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

cp -R dist "$work/dist"
mkdir "$work/data"
port=$(node -e "const s = require('net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); })")
base="http://127.0.0.1:$port"
REGULARS_LISTEN="127.0.0.1:$port" REGULARS_DATA_DIR="$work/data" REGULARS_DIST_DIR="$work/dist" \
  REGULARS_RATE_LIMITS=false REGULARS_LOG=warn "$target/release/regulars-server" >&2 &
server=$!

# Ready when /healthz answers; give up if the server exits or takes over a minute.
started=$SECONDS
until curl -sf "$base/healthz" >/dev/null 2>&1; do
  if ! kill -0 "$server" 2>/dev/null; then
    echo "the server exited before answering /healthz" >&2
    exit 1
  fi
  if ((SECONDS - started > 60)); then
    echo "the server did not answer /healthz within 60 s" >&2
    exit 1
  fi
  sleep 0.1
done

echo "=== benchmark against $base" >&2
REGULARS_BENCH_DIST="$work/dist" node bench/first-load.mjs "$base"
echo "=== done in $SECONDS s" >&2
