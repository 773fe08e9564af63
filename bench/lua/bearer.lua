-- wrk script: every request carries the bearer token from $TOKEN (none when $TOKEN is empty: the
-- unauthenticated ceiling, since a token on any path is verified and its user looked up).
-- With $IDS_FILE set, "{id}" in the path is replaced by a random id from that file (one per line).
local token = os.getenv("TOKEN")
local ids = {}
local ids_file = os.getenv("IDS_FILE")
if ids_file then
  for line in io.lines(ids_file) do ids[#ids + 1] = line end
end
if token and token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end

request = function()
  local path = wrk.path
  if #ids > 0 then
    path = path:gsub("{id}", ids[math.random(#ids)])
  end
  return wrk.format(nil, path)
end

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT rps=%.1f p50_ms=%.2f p99_ms=%.2f p999_ms=%.2f errors=%d requests=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency:percentile(99.9) / 1000, errors, summary.requests))
end
