-- POST /api/complaints with a unique phone per request (limits are off in the bench server).
-- With COMPLAINT_KEYS=1 in the environment each request also carries an Idempotency-Key of its
-- own, as a portal that retries safely would send (a lookup before the transaction, a claim in it).
dofile("bench/intake/common.lua")  -- setup, tid, stamp, next_caller, done
local keyed = os.getenv("COMPLAINT_KEYS") == "1"

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

function request()
  local counter, phone = next_caller("135")
  local body = '{"name":"压测","phone":"' .. phone .. '","request_type":"投诉","location":"新城区",' ..
    '"description":"压测工单 ' .. tid .. '-' .. counter .. '：小区路灯不亮，请尽快维修"}'
  local headers = nil
  if keyed then
    headers = {["Idempotency-Key"] = string.format("bench-%d-%d-%d", stamp, tid, counter)}
  end
  return wrk.format(nil, "/api/complaints", headers, body)
end
