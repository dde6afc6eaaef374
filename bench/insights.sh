#!/usr/bin/env bash
# Insights benchmark: a shop of 100,000 members and 1,000,000 purchases over two years on SQLite,
# summarised by rebuild-summaries, every Insights endpoint timed (p50 and p95; goal p95 at most
# 300 ms), and the push rate with the summaries kept in the push transaction next to the same
# run without them. See server/benches/insights.rs.
#
# REGULARS_BENCH_MEMBERS, REGULARS_BENCH_VISITS and REGULARS_BENCH_PUSH_EVENTS make it smaller;
# REGULARS_BENCH_DATA_DIR (an empty directory) keeps the generated database.
set -euo pipefail
cd "$(dirname "$0")/.."
exec cargo bench --quiet -p regulars-server --bench insights
