-- wrk script for the API benchmarks.
--   TOKEN    bearer token sent with every request (none when empty: the unauthenticated ceiling, since a
--            token on any path is verified and its user looked up)
--   IDS_FILE one asset id per line: "{id}" in the path becomes a random one of them
--   METHOD   GET (default), POST or PUT
--   BODY     JSON body for POST/PUT: "{n}" becomes a number unique to the request within this run
local token = os.getenv("TOKEN")
local method = os.getenv("METHOD") or "GET"
local body = os.getenv("BODY")
local ids = {}
local ids_file = os.getenv("IDS_FILE")
if ids_file then
  for line in io.lines(ids_file) do ids[#ids + 1] = line end
end
if token and token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end
if body then
  wrk.headers["Content-Type"] = "application/json"
end

-- setup() runs in the main Lua state and hands each thread its number; thread_id must be a global for
-- thread:set() to reach it.
thread_id = 0
local counter = 0
local next_thread = 0
setup = function(thread)
  next_thread = next_thread + 1
  thread:set("thread_id", next_thread)
end

init = function(args)
  -- each thread its own random sequence of ids, different from run to run
  math.randomseed(os.time() * 100 + thread_id)
end

request = function()
  local path = wrk.path
  if #ids > 0 then
    path = path:gsub("{id}", ids[math.random(#ids)])
  end
  local payload = nil
  if body then
    counter = counter + 1
    payload = body:gsub("{n}", tostring(thread_id * 100000000 + counter))
  end
  return wrk.format(method, path, nil, payload)
end

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT rps=%.1f p50_ms=%.2f p99_ms=%.2f p999_ms=%.2f errors=%d requests=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency:percentile(99.9) / 1000, errors, summary.requests))
end
