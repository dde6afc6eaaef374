#!/usr/bin/env bash
# Predicted-value benchmark: BG/NBD and Gamma-Gamma fitted on the CDNOW cohort (2,357 members,
# the paper's data as the Python `lifetimes` package ships it) by our models and, in the same
# run, by `lifetimes` (in a virtual environment under target/, a reference only), with the
# parameters side by side and the paper's; then our fit on a simulated shop of 100,000 members
# over two years. The fit on the 1,000,000-visit shop through the API is a row of
# bench/insights.sh (/insights/clv). See server/benches/clv.rs.
# Usage: bench/clv.sh [runs]   (default 10)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-10}"
target="${CARGO_TARGET_DIR:-target}"
venv="$target/bench-venv-clv"
if [[ ! -x "$venv/bin/python" ]]; then
  python3 -m venv "$venv" >&2
  "$venv/bin/pip" install --quiet lifetimes==0.11.3 >&2
fi
reference="$("$venv/bin/python" bench/clv_lifetimes.py server/tests/data/cdnow/cdnow_summary.csv "$runs")"
REGULARS_BENCH_RUNS="$runs" REGULARS_BENCH_LIFETIMES="$reference" \
  exec cargo bench --quiet -p regulars-server --bench clv
