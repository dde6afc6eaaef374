#!/usr/bin/env bash
# Load test of the till's API (issue 18), in one run on this machine, against the real server on
# loopback, with tablets spread over many shops (one shop's pushes queue on its lock by design):
#
#   - a stamp (POST /api/v1/sync/push of one event), a card lookup (POST /api/v1/till/lookup)
#     and a push of 100 events, each for LOAD_SECONDS, on SQLite, and on PostgreSQL with one and
#     with two replicas (two servers on one database, the load split across both);
#   - in the same run, the floors they are judged against:
#     (a) the same push transaction in-process: regulars_server::ledger::push called from as
#         many tasks as wrk has connections, with the same bodies, so what HTTP, authentication
#         and reading the body cost shows (a1: one event per push, a100: 100 events);
#     (b) a bare axum handler on the same runtime settings, posted the stamp's body: the
#         ceiling for requests per second;
#     (c) the rows a 100-event push writes, written by the same process into the same database:
#         the shop's counter taken once, a plain INSERT per event into `events` and an UPSERT
#         of each card's row in `balances`, 100 events per transaction, no ledger rules.
#
# It prints one table: events or requests per second, p50 and p99 latency, whether the answers
# and the database agree, and each ratio to its floor with the goals (a stamp over HTTP at least
# 50 % of a1; 100-event batches at least 30 % of c).
#
# Every request is a fresh valid one: wrk's script (bench/load/till.lua) makes each event with a
# new UUIDv7, the tablet's next device number and the card's rotating code for the current
# 30-second step, signed with the card's key as the phone would (keys and codes come from the
# driver, server/benches/load.rs, which also sets the shops up through the API and runs the
# floors). An answer counts only if it is a 200 with each event `accepted` and unflagged (a
# lookup: the code checked as signed), and after each push run the database must hold the run's
# events.
#
# Run from the repository root:   bash bench/load.sh
# About three minutes at the defaults once the release build is done (2 cores). Settings from
# the environment:
#   LOAD_SECONDS per measure (10), LOAD_CONNECTIONS (16), LOAD_SHOPS (16), LOAD_TABLETS per shop
#   (2), LOAD_CARDS per shop (128), LOAD_ENGINES ("sqlite postgres"), LOAD_PG_DURABLE (1:
#   PostgreSQL commits durably, as SQLite does with synchronous=FULL; 0: fsync off, as the
#   tests run it), LOAD_KEEP=1 keeps the working directory (server and wrk logs).
# Needs Debian's wrk (installed here when missing) and PostgreSQL (/usr/lib/postgresql/N/bin).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

seconds=${LOAD_SECONDS:-10}
connections=${LOAD_CONNECTIONS:-16}
shops=${LOAD_SHOPS:-16}
tablets=${LOAD_TABLETS:-2}
cards=${LOAD_CARDS:-128}
engines=${LOAD_ENGINES:-sqlite postgres}
durable=${LOAD_PG_DURABLE:-1}

say() { echo "load: $*" >&2; }

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if ! command -v wrk >/dev/null; then
  say "installing wrk (Debian's package)"
  sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get install -y --no-install-recommends wrk >/dev/null ||
    { $sudo apt-get update >/dev/null && $sudo apt-get install -y --no-install-recommends wrk >/dev/null; }
fi

say "building the server and the load driver (release)"
executable() { sed -n 's/.*"executable":"\([^"]*\)".*/\1/p' | tail -n1; }
server_bin=$(cargo build --quiet --release -p regulars-server --bin regulars-server \
  --message-format=json-render-diagnostics | executable)
load_bin=$(cargo bench --quiet -p regulars-server --bench load --no-run \
  --message-format=json-render-diagnostics | grep '"name":"load"' | executable)
[ -x "$server_bin" ] && [ -x "$load_bin" ] || { say "the build gave no binaries"; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/regulars-load.XXXXXX")
chmod 755 "$work" # PostgreSQL's own user works below it
mkdir -p "$work/results" "$work/dist" "$work/data"
pids=()     # servers
wrk_pids=() # load generators
pg_data=""
cleanup() {
  local status=$?
  for pid in "${pids[@]}" "${wrk_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}" "${wrk_pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ -n "$pg_data" ]; then
    as_postgres "$pg_bin/pg_ctl" stop --mode=fast --pgdata "$pg_data" >/dev/null 2>&1 || true
  fi
  if [ "${LOAD_KEEP:-0}" = 1 ]; then say "kept $work"; else rm -rf "$work"; fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# start_server NAME DATABASE_URL: a release server on a free port, as an operator starts it;
# sets $url once it answers.
start_server() {
  local port
  port=$("$load_bin" port)
  (cd "$work" && REGULARS_LISTEN=127.0.0.1:$port REGULARS_DATABASE_URL=$2 \
    REGULARS_RATE_LIMITS=false REGULARS_LOG=warn REGULARS_DIST_DIR=$work/dist \
    REGULARS_DATA_DIR=$work/data REGULARS_CONFIG=$work/none.toml \
    exec "$server_bin" serve) >>"$work/$1.log" 2>&1 &
  pids+=($!)
  url=http://127.0.0.1:$port
  "$load_bin" wait --server "$url"
}

# Stops every server (they finish the requests in flight).
stop_servers() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  pids=()
}

# Each run numbers its events from its own base, so the database can count a run's events.
runs=0
next_seq_base() {
  runs=$((runs + 1))
  seq_base=$((runs * 100000000))
}

# run_wrk ROW ID MODE META URL...: wrk for LOAD_SECONDS against each URL at once, the
# connections and tablets shared out between them; each writes results/ROW-ID.N.res.
run_wrk() {
  local row=$1 id=$2 mode=$3 meta=$4
  shift 4
  local parts=$# part=0
  wrk_pids=()
  next_seq_base
  "$load_bin" fixture --state "$state" --seconds "$seconds" --out "$work/fixture.lua"
  for target in "$@"; do
    LOAD_FIXTURE=$work/fixture.lua LOAD_MODE=$mode LOAD_SEQ_BASE=$seq_base LOAD_THREADS=1 \
      LOAD_PART=$part LOAD_PARTS=$parts LOAD_OUT=$work/results/$row-$id.$part.res \
      LOAD_META="id=$id;$meta" \
      wrk -t1 -c$(((connections + parts - 1) / parts)) -d"${seconds}s" --timeout 30s --latency \
      -s "$root/bench/load/till.lua" "$target" >"$work/wrk-$id.$part.log" 2>&1 &
    wrk_pids+=($!)
    part=$((part + 1))
  done
  for pid in "${wrk_pids[@]}"; do
    wait "$pid" || { say "wrk failed:"; cat "$work"/wrk-"$id".*.log >&2; exit 1; }
  done
  wrk_pids=()
  grep -h "^load:" "$work"/wrk-"$id".*.log >&2 || true
}

# db_check ROW ID DATABASE_URL EVENTS_PER_REQUEST: the run's events in the database (those of
# the requests in flight when wrk stopped may be there too).
db_check() {
  {
    echo "id=$2"
    "$load_bin" count --database "$3" --seq-base "$seq_base"
    echo "in_flight=$((connections * $4))"
  } >"$work/results/$1-$2.db.res"
}

# http_measures ROW ENGINE ID FLOORS DATABASE_URL URL...: stamps, lookups and batches.
http_measures() {
  local row=$1 engine=$2 id=$3 floors=$4 db=$5
  shift 5
  say "$engine: stamps (1 event per push) for ${seconds} s"
  run_wrk "$row" "$id-stamp" stamp \
    "title=stamp: push of 1 event, HTTP;engine=$engine;unit=events;floors=$floors-a1:0.5,bare" "$@"
  db_check "$row" "$id-stamp" "$db" 1
  say "$engine: card lookups for ${seconds} s"
  run_wrk "$((row + 1))" "$id-lookup" lookup \
    "title=lookup: POST /till/lookup, HTTP;engine=$engine;unit=req;floors=bare" "$@"
  say "$engine: batches (100 events per push) for ${seconds} s"
  run_wrk "$((row + 2))" "$id-batch" batch \
    "title=batch: push of 100 events, HTTP;engine=$engine;unit=events;floors=$floors-c:0.3,$floors-a100" "$@"
  db_check "$((row + 2))" "$id-batch" "$db" 100
}

# floor_measures ROW ENGINE ID DATABASE_URL: (a1), (a100) and (c), with no server running.
floor_measures() {
  local row=$1 engine=$2 id=$3 db=$4
  local common=(--database "$db" --state "$state" --seconds "$seconds" --tasks "$connections")
  say "$engine: floor (a1), ledger::push in-process, 1 event, for ${seconds} s"
  next_seq_base
  "$load_bin" inprocess "${common[@]}" --events 1 --seq-base "$seq_base" \
    --out "$work/results/$row-$id-a1.res" --meta "id=$id-a1" --meta "tag=(a1)" \
    --meta "title=push of 1 event, in-process" --meta "engine=$engine" --meta "unit=events"
  say "$engine: floor (a100), ledger::push in-process, 100 events, for ${seconds} s"
  next_seq_base
  "$load_bin" inprocess "${common[@]}" --events 100 --seq-base "$seq_base" \
    --out "$work/results/$((row + 1))-$id-a100.res" --meta "id=$id-a100" --meta "tag=(a100)" \
    --meta "title=push of 100 events, in-process" --meta "engine=$engine" \
    --meta "unit=events" --meta "floors=$id-c"
  say "$engine: floor (c), insert and upsert directly, 100 rows, for ${seconds} s"
  next_seq_base
  "$load_bin" direct "${common[@]}" --seq-base "$seq_base" \
    --out "$work/results/$((row + 2))-$id-c.res" --meta "id=$id-c" --meta "tag=(c)" \
    --meta "title=insert + upsert of 100 rows, direct" --meta "engine=$engine" \
    --meta "unit=events"
}

# Floor (b), once, with the first engine's tablets (only the bodies' shape matters).
bare_done=0
bare_measure() {
  [ "$bare_done" = 0 ] || return 0
  bare_done=1
  local port
  port=$("$load_bin" port)
  "$load_bin" bare --listen "127.0.0.1:$port" >"$work/bare.log" 2>&1 &
  pids+=($!)
  "$load_bin" wait --server "http://127.0.0.1:$port"
  say "floor (b), a bare axum handler, for ${seconds} s"
  run_wrk 10 bare bare "tag=(b);title=bare axum handler, POST of a stamp's body;engine=-;unit=req" \
    "http://127.0.0.1:$port"
  stop_servers
}

prepare() {
  say "$1: $shops shops, each with $tablets tablets and $cards cards, through the API"
  state=$work/$1.json
  "$load_bin" prepare --server "$url" --shops "$shops" --tablets "$tablets" --cards "$cards" \
    --state "$state"
}

case " $engines " in *" sqlite "*)
  db=sqlite://$work/sqlite/regulars.db
  mkdir -p "$work/sqlite"
  start_server sqlite "$db"
  prepare sqlite
  http_measures 20 SQLite sqlite sqlite "$db" "$url"
  stop_servers
  bare_measure
  floor_measures 23 SQLite sqlite "$db"
  ;;
esac

case " $engines " in *" postgres "*)
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
  [ -n "$pg_bin" ] && [ -x "$pg_bin/pg_ctl" ] ||
    { say "PostgreSQL is not installed (apt-get install postgresql)"; exit 1; }
  say "starting a throwaway PostgreSQL ($pg_bin)"
  mkdir "$work/pg"
  [ "$(id -u)" != 0 ] || chown postgres:postgres "$work/pg"
  as_postgres "$pg_bin/initdb" --auth=trust --username=postgres --encoding=UTF8 --no-sync \
    --pgdata "$work/pg/data" >/dev/null
  pg_port=$("$load_bin" port)
  pg_options="-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1 -c max_connections=200"
  [ "$durable" = 1 ] || pg_options+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  as_postgres "$pg_bin/pg_ctl" start --wait --timeout=60 --pgdata "$work/pg/data" \
    --log "$work/pg/server.log" -o "$pg_options" >/dev/null
  pg_data=$work/pg/data
  for name in regulars_one regulars_two; do
    "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -qc "CREATE DATABASE $name" >/dev/null
  done

  db=postgres://postgres@127.0.0.1:$pg_port/regulars_one
  start_server pg-one "$db"
  prepare pg-one
  http_measures 30 "PostgreSQL x1" pg1 pg "$db" "$url"
  stop_servers
  bare_measure
  floor_measures 33 PostgreSQL pg "$db"

  db=postgres://postgres@127.0.0.1:$pg_port/regulars_two
  start_server pg-two-a "$db"
  first=$url
  start_server pg-two-b "$db"
  second=$url
  url=$first
  prepare pg-two
  http_measures 40 "PostgreSQL x2" pg2 pg "$db" "$first" "$second"
  stop_servers
  ;;
esac

cpu=$(grep -m1 "model name" /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
echo
echo "Regulars load test: $shops shops x $tablets tablets ($cards cards a shop), $connections connections," \
  "${seconds} s a measure; $(nproc) cores ($cpu); $(wrk --version 2>&1 | head -n1 | cut -d' ' -f1-2);" \
  "PostgreSQL $( [ "$durable" = 1 ] && echo "durable (fsync on)" || echo "with fsync off")," \
  "SQLite WAL with synchronous=FULL"
echo
"$load_bin" table "$work/results"
echo
echo "(a1), (a100): the push transaction in-process (ledger::push, no HTTP, auth or body reading)," \
  "1 or 100 events a push; (b): a bare axum handler; (c): the same rows inserted and upserted" \
  "directly, 100 a transaction. PostgreSQL's floors run in one process against the x1 database."
echo "check: ok = every answer a 200, every pushed event accepted without a flag, every lookup's" \
  "code checked as signed; in db = the database holds each accepted event of the run (counted by" \
  "the run's device numbers). Latencies are at $connections requests in flight: most of a batch's" \
  "is waiting for its turn (SQLite's one writer, a shop's lock, the cores)."
echo "Two replicas on $(nproc) cores measure overhead, not scale: both servers, PostgreSQL and wrk" \
  "share the same cores."
