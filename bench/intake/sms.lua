-- POST /webhooks/sms/generic, each request pre-signed (Standard Webhooks needs HMAC-SHA256, which
-- wrk's Lua lacks) by signed_sms.py into a file of lines: id <TAB> timestamp <TAB> signature <TAB> body.
dofile("bench/intake/common.lua")  -- setup, tid, stamp, done
local lines = {}
local i = 0
local nthreads = 1

function init(args)
  thread_init()
  nthreads = tonumber(args[2]) or 1
  for line in io.lines(args[1]) do
    table.insert(lines, line)
  end
  i = tid
end

function request()
  i = i + nthreads
  local line = lines[(i % #lines) + 1]
  local id, ts, sig, body = line:match("([^\t]+)\t([^\t]+)\t([^\t]+)\t(.*)")
  local headers = {["Content-Type"] = "application/json", ["webhook-id"] = id, ["webhook-timestamp"] = ts,
    ["webhook-signature"] = sig}
  return wrk.format("POST", "/webhooks/sms/generic", headers, body)
end
