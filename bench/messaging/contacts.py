#!/usr/bin/env python3
"""New contacts at a steady rate during the morning release: POST /api/complaints, one unique
mainland mobile each, so every ticket queues one acknowledgement SMS (ticket-ack).
Usage: contacts.py PORT PER_SECOND STOP_FILE   (runs until STOP_FILE exists)"""
import http.client
import json
import os
import sys
import time

port, rate, stop = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
sent = failed = 0
start = time.monotonic()
while not os.path.exists(stop):
    body = json.dumps({"name": "压测", "phone": "137%08d" % sent, "request_type": "投诉",
                       "location": "新城区", "description": "晨间压测工单 %d：路灯不亮" % sent})
    try:
        conn.request("POST", "/api/complaints", body, {"Content-Type": "application/json"})
        r = conn.getresponse()
        r.read()
        if r.status >= 300:
            failed += 1
    except Exception:  # count and reconnect; the report compares tickets with acknowledgements
        failed += 1
        conn.close()
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    sent += 1
    delay = start + sent / rate - time.monotonic()
    if delay > 0:
        time.sleep(delay)
print("contacts posted=%d failed=%d" % (sent, failed))
