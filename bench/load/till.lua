-- wrk script of the load test (bench/load.sh): paired tablets pushing stamps or looking cards
-- up, each request a fresh valid one.
--
-- Read from the environment (os.getenv works in every Lua state wrk makes):
--   LOAD_FIXTURE   the Lua table `load fixture` wrote: tablets (token, staff, cards) and, per
--                  card, the rotating code its phone shows at each 30-second step from step0
--   LOAD_MODE      stamp (a push of 1 event), batch (a push of 100), lookup (/till/lookup), or
--                  bare (the stamp's body, posted to the bare handler of floor (b))
--   LOAD_SEQ_BASE  this run's device numbers start after it (each run has its own range, so the
--                  database can count a run's events; the server takes each number once)
--   LOAD_THREADS, LOAD_PART, LOAD_PARTS
--                  wrk's -t, and which of LOAD_PARTS wrk processes this is (one per replica):
--                  each thread drives its own tablets, shared out round-robin
--   LOAD_OUT       where done() writes the result (key=value lines, then `q PERCENT MICROS`)
--   LOAD_META      `key=value;key=value` copied into the result (id, title, engine, ...)
--
-- A thread sends its tablets' requests in turn; with more tablets than connections a tablet
-- rarely has two requests in flight. Events carry the card's code scanned now (the server
-- verifies the signature and claims the code's step for the tablet), an amount and a category.
-- An answer counts only if it is a 200 and, for a push, each event in it is `accepted` with no
-- flag; for a lookup, the code checked as the phone's signed code.

local mode = os.getenv("LOAD_MODE")
local threads_per_part = tonumber(os.getenv("LOAD_THREADS") or "1")
local part = tonumber(os.getenv("LOAD_PART") or "0")
local parts = tonumber(os.getenv("LOAD_PARTS") or "1")
local per_request = (mode == "batch") and 100 or 1
local categories = { "coffee", "food", "drinks", "retail", "other" }

local threads = {}
local made = 0

function setup(thread)
  thread:set("slot", part * threads_per_part + made)
  made = made + 1
  table.insert(threads, thread)
end

function init(args)
  local fixture = dofile(os.getenv("LOAD_FIXTURE"))
  local seq_base = tonumber(os.getenv("LOAD_SEQ_BASE"))
  local slots = threads_per_part * parts
  step0 = fixture.step0
  tills = {}
  for i, tablet in ipairs(fixture.tablets) do
    if (i - 1) % slots == slot then
      tablet.seq = seq_base
      tablet.next_card = 0
      tablet.headers = {
        ["Authorization"] = "Bearer " .. tablet.token,
        ["Content-Type"] = "application/json",
      }
      table.insert(tills, tablet)
    end
  end
  if #tills == 0 then
    error("no tablet for thread " .. slot .. ": pair more tablets than wrk threads")
  end
  turn = 0
  ok, accepted, failed, flagged, shown = 0, 0, 0, 0, 0
end

-- A UUIDv7: the time in milliseconds, version 7, the tablet's index, variant 10, and the
-- device number, which the tablet never repeats.
local function uuid7(now, till)
  local ms = now * 1000
  return string.format("%08x-%04x-7%03x-8000-%04x%08x",
    math.floor(ms / 65536), ms % 65536, till.index % 4096,
    math.floor(till.seq / 4294967296), till.seq % 4294967296)
end

local function next_card(till)
  till.next_card = till.next_card % #till.cards + 1
  return till.cards[till.next_card]
end

local function code(card, now)
  local index = math.floor(now / 30) - step0 + 1
  return card.codes[math.min(index, #card.codes)]
end

local function stamp(till, now, at)
  till.seq = till.seq + 1
  local card = next_card(till)
  return '{"id":"' .. uuid7(now, till) .. '","card_id":"' .. card.id ..
    '","device_id":"' .. till.id .. '","device_seq":' .. string.format("%d", till.seq) ..
    ',"staff_id":"' .. till.staff .. '","occurred_at":"' .. at ..
    '","body":{"type":"stamps_issued","count":1,"amount_minor":' .. (250 + (till.seq * 37) % 1500) ..
    ',"category":"' .. categories[till.seq % #categories + 1] .. '"},"code":"' .. code(card, now) ..
    '","scanned_at":"' .. at .. '"}'
end

function request()
  turn = turn % #tills + 1
  local till = tills[turn]
  local now = os.time()
  local at = os.date("!%Y-%m-%dT%H:%M:%SZ", now)
  if mode == "lookup" then
    return wrk.format("POST", "/api/v1/till/lookup", till.headers,
      '{"code":"' .. code(next_card(till), now) .. '"}')
  end
  local events = {}
  for i = 1, per_request do
    events[i] = stamp(till, now, at)
  end
  local body = '{"events":[' .. table.concat(events, ",") .. '],"sent_at":"' .. at .. '"}'
  return wrk.format("POST", mode == "bare" and "/" or "/api/v1/sync/push", till.headers, body)
end

local function show(status, body)
  if shown < 3 then
    shown = shown + 1
    io.stderr:write("load: unexpected answer ", status, ": ", string.sub(body, 1, 300), "\n")
  end
end

function response(status, headers, body)
  if status ~= 200 then
    failed = failed + 1
    show(status, body)
    return
  end
  if mode == "lookup" and not string.find(body, '"check":"signed"', 1, true) then
    failed = failed + 1
    show(status, body)
    return
  end
  ok = ok + 1
  if mode == "stamp" or mode == "batch" then
    local _, yes = string.gsub(body, '"status":"accepted"', "")
    local _, marked = string.gsub(body, '"flags":%["', "")
    accepted = accepted + yes - marked
    flagged = flagged + marked
    if yes < per_request then
      failed = failed + per_request - yes
      show(status, body)
    elseif marked > 0 then
      show(status, body)
    end
  end
end

function done(summary, latency, requests)
  local sum = { ok = 0, accepted = 0, failed = 0, flagged = 0 }
  for _, thread in ipairs(threads) do
    for key, _ in pairs(sum) do
      sum[key] = sum[key] + (thread:get(key) or 0)
    end
  end
  local e = summary.errors
  local out = assert(io.open(os.getenv("LOAD_OUT"), "w"))
  for pair in string.gmatch(os.getenv("LOAD_META") or "", "[^;]+") do
    out:write(pair, "\n")
  end
  local pushes = mode == "stamp" or mode == "batch"
  out:write(string.format("count=%d\n", pushes and sum.accepted or sum.ok))
  out:write(string.format("requests=%d\n", summary.requests))
  out:write(string.format("errors=%d\n", sum.failed + e.connect + e.read + e.write + e.timeout))
  out:write(string.format("flagged=%d\n", sum.flagged))
  out:write(string.format("seconds=%.3f\n", summary.duration / 1e6))
  local p = 0
  for i = 1, 396 do
    p = i * 0.25
    out:write(string.format("q %.2f %d\n", p, latency:percentile(p)))
  end
  for i = 1, 50 do
    p = 99 + i * 0.02
    out:write(string.format("q %.2f %d\n", p, latency:percentile(p)))
  end
  out:close()
end
