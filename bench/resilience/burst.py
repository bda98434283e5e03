#!/usr/bin/env python3
"""N concurrent deliveries of one signed SMS (same delivery id), released together by a barrier.
usage: burst.py PORT SECRET N ID PHONE. Prints answers by status; exit 1 unless all are 200."""
import sys, threading
from collections import Counter
from client import Http, generic_sms

port, secret, n, mid, phone = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
barrier = threading.Barrier(n)
statuses = Counter()
lock = threading.Lock()


def one():
    http = Http(timeout=60)
    body, headers = generic_sms(secret, mid, phone, f"压测短信 {mid}：窨井盖丢了")
    barrier.wait()
    st, _ = http.request(port, "POST", "/webhooks/sms/generic", body, headers)
    with lock:
        statuses[st] += 1


threading.stack_size(256 * 1024)
ts = [threading.Thread(target=one) for _ in range(n)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(" ".join(f"http_{k}={v}" for k, v in sorted(statuses.items())))
sys.exit(0 if statuses[200] == n else 1)
