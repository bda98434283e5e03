-- wrk script of the console benchmark: GETs one page with the session cookie; with PATHS_FILE,
-- each request takes the next path of that file (ticket pages of many tickets). Prints p50/p95/p99.
local cookie = os.getenv("COOKIE")
local paths = {}
local file = os.getenv("PATHS_FILE")
if file and file ~= "" then
  for line in io.lines(file) do paths[#paths + 1] = line end
end
local i = 0
request = function()
  local path = wrk.path
  if #paths > 0 then
    i = i % #paths + 1
    path = paths[i]
  end
  return wrk.format("GET", path, { ["Cookie"] = cookie, ["Accept"] = "text/html" })
end
done = function(summary, latency, requests)
  io.write(string.format("requests=%d errors=%d non2xx=%d p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f max_ms=%.1f rps=%.1f\n",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, summary.requests / (summary.duration / 1e6)))
end
