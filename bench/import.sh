#!/usr/bin/env bash
# Import benchmark: the insights benchmark's shop (100,000 members, 1,000,000 purchases over two
# years) as a CSV file, uploaded and checked through the API, then committed by the import job;
# a till's single-event pushes timed before and during the import, and a rebuild of the
# summaries from the events afterwards for comparison. See server/benches/import.rs.
#
# REGULARS_BENCH_MEMBERS and REGULARS_BENCH_VISITS make it smaller.
set -euo pipefail
cd "$(dirname "$0")/.."
exec cargo bench --quiet -p regulars-server --bench import
