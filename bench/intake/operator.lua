-- POST /api/tickets as an operator recording a call (channel PHONE, the call's id), with an
-- OPERATOR API token (OPERATOR_TOKEN), a caller of its own per request. The answer is the new
-- ticket with its timeline, as the console's desk reads it.
dofile("bench/intake/common.lua")  -- setup, tid, stamp, next_caller, done
local token = os.getenv("OPERATOR_TOKEN") or ""

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. token

function request()
  local counter, phone = next_caller("139")
  local body = '{"citizen_phone":"' .. phone .. '","citizen_name":"压测","request_type":"投诉","category_code":"030300",' ..
    '"location":"新城区","hotline_number":"12345","call_id":"bench-op-' .. stamp .. '-' .. tid .. '-' .. counter .. '",' ..
    '"description":"压测工单 ' .. tid .. '-' .. counter .. '：小区路灯不亮，请尽快维修"}'
  return wrk.format(nil, "/api/tickets", nil, body)
end
