-- wrk script for BakongPay's load runs (run-ratios.sh with CLIENT=wrk): the same requests as the
-- Java load tool's scenarios, from a client that leaves the two cores to the node under test.
--
--   BODIES=raw-check         one fixed body the size of a check's ({"md5":"<32 hex>"})
--   BODIES=raw-create        one fixed body the size of a create's
--   BODIES=pool:FILE         final-status checks over the md5s in FILE (LoadTest --pool-out writes it)
--   BODIES=create            creates with a new amount and description each, so each is a new payment
--   BODIES=identical-create  the same create body every time (a fixed-price item, a kiosk)
--   KEY=bk_test_...          sent as Authorization: Bearer (optional)
--   BAKONG_ID=loadshop@devb  the merchant account in creates
--   SCENARIO=name            the name in the JSON line printed at the end
--   CONNECTIONS=64           the -c given to wrk, echoed in that line (wrk does not tell a script)
--
--   BODIES=create KEY=bk_test_... wrk -t2 -c64 -d20s --latency -s benchmarks/load/wrk/bakongpay.lua \
--     http://127.0.0.1:8080/api/v1/khqr/create
--
-- At the end one JSON line with the fields run-ratios.sh reads (requests, reqPerSec, p50Ms, p99Ms, …).

local bodies_kind = os.getenv("BODIES") or "raw-check"
local key = os.getenv("KEY")
local bakong_id = os.getenv("BAKONG_ID") or "loadshop@devb"
local scenario = os.getenv("SCENARIO") or bodies_kind

local thread_count = 0

-- main thread: number the threads, and give the run one tag so its creates differ from any earlier run's
local run_tag = string.format("%x%04x", os.time(), math.random(0, 0xffff))
function setup(thread)
  thread:set("worker", thread_count)
  thread:set("run_tag", run_tag)
  thread_count = thread_count + 1
end

-- the load tool's create body, field for field (RequestBodies.create)
local function create_body(w, n)
  local cents = 100 + (n * 7919 + w * 104729) % 9900
  local amount = string.format("%d.%02d", math.floor(cents / 100), cents % 100)
  return '{"amount":' .. amount .. ',"currency":"USD","merchantName":"LOAD TEST SHOP","bakongId":"'
    .. bakong_id .. '","description":"load ' .. (run_tag or "") .. ' w' .. (worker or 0) .. ' #' .. n
    .. '","expiresInSeconds":900}'
end

local fixed = nil
local pool = nil
local n = 0

function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  if key and key ~= "" then wrk.headers["Authorization"] = "Bearer " .. key end
  if bodies_kind == "raw-check" then
    fixed = '{"md5":"' .. string.rep("0123456789abcdef", 2) .. '"}'
  elseif bodies_kind == "raw-create" or bodies_kind == "identical-create" then
    fixed = create_body(0, 0)
  elseif bodies_kind:sub(1, 5) == "pool:" then
    pool = {}
    for md5 in io.lines(bodies_kind:sub(6)) do
      if md5 ~= "" then pool[#pool + 1] = '{"md5":"' .. md5 .. '"}' end
    end
    assert(#pool > 0, "no md5s in " .. bodies_kind:sub(6))
    n = (worker or 0) * 101 -- threads start at different md5s
  elseif bodies_kind ~= "create" then
    error("BODIES must be raw-check, raw-create, pool:FILE, create or identical-create, not " .. bodies_kind)
  end
  if fixed then wrk.body = fixed end
end

function request()
  if fixed then return wrk.request() end
  n = n + 1
  if pool then return wrk.format(nil, nil, nil, pool[n % #pool + 1]) end
  return wrk.format(nil, nil, nil, create_body(worker or 0, n))
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  local failures = e.connect + e.read + e.write + e.status + e.timeout
  io.write(string.format(
    '{"tool":"wrk","scenario":"%s","operation":"%s","client":"wrk","connections":%d,"seconds":%.3f,'
      .. '"requests":%d,"reqPerSec":%.1f,"p50Ms":%.3f,"p90Ms":%.3f,"p99Ms":%.3f,"maxMs":%.3f,'
      .. '"failures":%d,"non2xx":%d,"socketErrors":%d}\n',
    scenario, scenario, tonumber(os.getenv("CONNECTIONS") or "0"), seconds,
    summary.requests, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    failures, e.status, e.connect + e.read + e.write + e.timeout))
end
