-- The one line every intake script prints at the end, read by run.sh.
function done(summary, latency, requests)
  local non2xx = summary.errors.status
  local sockerr = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT requests=%d non2xx=%d sockerr=%d p50_ms=%.2f p99_ms=%.2f duration_s=%.2f\n",
    summary.requests, non2xx, sockerr, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.duration / 1e6))
end
