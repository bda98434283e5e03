-- POST /webhooks/voice/generic: one hang-up of an unanswered inbound call with a voicemail
-- transcript per request, each its own call (callId) and caller, so each becomes a ticket
-- (VOICEMAIL_TICKET) with its acknowledgement SMS. The generic CTI secret comes as ?secret=.
dofile("bench/intake/common.lua")  -- setup, tid, stamp, next_caller, done
local secret = os.getenv("VOICE_SECRET") or ""

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

function request()
  local counter, phone = next_caller("137")
  local body = '{"event":"hangup","from":"' .. phone .. '","to":"12345","direction":"in",' ..
    '"callId":"bench-' .. stamp .. '-' .. tid .. '-' .. counter .. '","cause":"normalClearing",' ..
    '"transcript":"压测留言 ' .. tid .. '-' .. counter .. '：楼道灯坏了一个月，晚上很黑"}'
  return wrk.format(nil, "/webhooks/voice/generic?secret=" .. secret, nil, body)
end
