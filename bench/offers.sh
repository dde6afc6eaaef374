#!/usr/bin/env bash
# Offers benchmark (issue 17): a shop of 100,000 members with two years of purchases on SQLite,
# every card consenting to offers, 50 live offers made through the owner API (their audiences
# drawn by the server) and two weeks of members' reactions. It times ranking every member's
# offers for the whole shop (goal: under 5 s), cold and warm, with where the time goes (SQL
# against ranking); GET /api/v1/cards/me/offers for members across the shop (p50, p95, and the
# first request on a replica just started); and prints the offers simulation's figures (use
# rates of the ranking against random order and the oracle, goal at least twice random; the
# effect interval's coverage over 200 runs, goal about 95 %). One table at the end: measure,
# figure, goal, ok. See server/benches/offers.rs.
#
# REGULARS_BENCH_MEMBERS, REGULARS_BENCH_VISITS, REGULARS_BENCH_OFFERS, REGULARS_BENCH_REQUESTS,
# REGULARS_BENCH_RUNS, REGULARS_BENCH_USE_RUNS and REGULARS_BENCH_COVERAGE_RUNS make it smaller;
# REGULARS_BENCH_DATA_DIR (an empty directory) keeps the generated database.
set -euo pipefail
cd "$(dirname "$0")/.."
exec cargo bench --quiet -p regulars-server --bench offers
