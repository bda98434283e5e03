#!/usr/bin/env python3
"""Writes N signed generic-SMS deliveries (unique id and phone each) for sms.lua.

SMS_TEXT (env) replaces the matter after the id: the default is a short text (under the 40
characters a rating reply may have, so the phone's follow-up question is read); a longer one is a
request whatever the phone was asked, as most citizens' messages are."""
import base64, hashlib, hmac, json, os, sys, time

secret, prefix, n, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
key = base64.b64decode(secret[len("whsec_"):] if secret.startswith("whsec_") else secret)
ts = str(int(time.time()))
matter = os.environ.get("SMS_TEXT", "楼道灯坏了")
with open(out, "w", encoding="utf-8") as f:
    for i in range(n):
        mid = f"{prefix}-{i}"
        body = json.dumps({"id": mid, "from": "136%08d" % (i % 100000000), "to": "12345",
                           "text": f"压测短信 {mid}：{matter}", "received_at": "2026-11-27T08:30:00+08:00"},
                          ensure_ascii=False, separators=(",", ":"))
        sig = base64.b64encode(hmac.new(key, f"{mid}.{ts}.".encode() + body.encode(), hashlib.sha256).digest()).decode()
        f.write(f"{mid}\t{ts}\tv1,{sig}\t{body}\n")
