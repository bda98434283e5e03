-- What the intake scripts share, loaded first by each (run.sh runs wrk from the repository root):
-- each wrk thread's number (tid, from 0), the run's start (stamp: ids unique across runs), and
-- the RESULT line run.sh reads (done), and each request's caller (next_caller). A script with an
-- init of its own calls thread_init().
tid = 0
stamp = 0
counter = 0
local threads = {}

-- The next request's number in this thread and a phone of its own under prefix (e.g. "135"):
-- unique per thread and request, so no per-citizen limit or duplicate check joins two requests.
function next_caller(prefix)
  counter = counter + 1
  return counter, string.format("%s%02d%06d", prefix, tid % 100, counter % 1000000)
end

function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end

function thread_init()
  tid = tonumber(wrk.thread:get("tid")) or 0
  stamp = os.time()
end

function init(args)
  thread_init()
end

function done(summary, latency, requests)
  local non2xx = summary.errors.status
  local sockerr = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT requests=%d non2xx=%d sockerr=%d p50_ms=%.2f p99_ms=%.2f duration_s=%.2f\n",
    summary.requests, non2xx, sockerr, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.duration / 1e6))
end
