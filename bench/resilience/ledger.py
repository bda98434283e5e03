#!/usr/bin/env python3
"""Intake load with a client ledger. Each worker alternates a web complaint and a signed generic SMS
over the given ports (round robin). Both are retried, on the next port, until acknowledged or
RETRY_FOR seconds pass, as a careful client and a provider do: the complaint with its
Idempotency-Key (its marker), the SMS with its delivery id, so a retry of one whose first answer was
lost is answered with the stored ticket. A complaint refused for its content (4xx other than 409
"key in use" and 429) is not retried. --no-keys sends complaints once without a key (a retry would then be a new one).
Ledger lines: time  kind(C|U|S|L|F)  marker  status  ticket-number  [tries]; F is a failed try that
was retried (for the outage's figures)."""
import argparse, json, threading, time
from client import Http, generic_sms

ap = argparse.ArgumentParser()
ap.add_argument("--ports", required=True)
ap.add_argument("--secret", required=True)
ap.add_argument("--seconds", type=float, default=20)
ap.add_argument("--threads", type=int, default=8)
ap.add_argument("--tag", required=True)
ap.add_argument("--out", required=True)
ap.add_argument("--retry-for", type=float, default=120)
ap.add_argument("--no-keys", action="store_true")
a = ap.parse_args()
ports = [int(p) for p in a.ports.split(",")]
lock = threading.Lock()
out = open(a.out, "w", encoding="utf-8")


def log(kind, marker, status, number="", tries=1):
    with lock:
        out.write(f"{time.time():.3f}\t{kind}\t{marker}\t{status}\t{number}\t{tries}\n")


def until_acked(first, marker, send, acked, final):
    """send(port) on port `first`, then on the next one after each failure, every 0.2 s, until it
    answers `acked`, final(status) holds or RETRY_FOR seconds pass; each failed try is logged (F).
    Returns (status, data, tries)."""
    give_up = time.time() + a.retry_for
    k = 0
    while True:
        st, data = send(ports[(first + k) % len(ports)])
        k += 1
        if st == acked or final(st) or time.time() > give_up:
            return st, data, k
        log("F", marker, st, "", k)
        time.sleep(0.2)


def worker(tid, stop_at):
    http = Http(timeout=10)
    i = 0
    while time.time() < stop_at:
        i += 1
        marker = f"{a.tag}-c-{tid}-{i}"
        body = json.dumps({"name": "韧性", "phone": "135%02d%06d" % (tid, i % 1000000), "request_type": "投诉",
                           "location": "新城区", "description": f"压测工单 {marker}：小区路灯不亮，请尽快维修"},
                          ensure_ascii=False).encode()
        headers = {"Content-Type": "application/json"}
        if not a.no_keys:
            headers["Idempotency-Key"] = marker
        st, data, k = until_acked(tid + i, marker,
                                  lambda port: http.request(port, "POST", "/api/complaints", body, headers), 201,
                                  lambda st: a.no_keys or (400 <= st < 500 and st not in (409, 429)))
        if st == 201:
            log("C", marker, st, json.loads(data)["number"], k)
        else:
            log("U", marker, st, "", k)
        mid = f"{a.tag}-s-{tid}-{i}"

        def sms(port):  # signed anew at each try, as a provider's retry is
            sms_body, sms_headers = generic_sms(a.secret, mid, "136%02d%06d" % (tid, i % 1000000),
                                                f"压测短信 {mid}：楼道灯坏了")
            return http.request(port, "POST", "/webhooks/sms/generic", sms_body, sms_headers)

        st, _, k = until_acked(tid + i, mid, sms, 200, lambda st: False)
        log("S" if st == 200 else "L", mid, st, "", k)


stop_at = time.time() + a.seconds
ts = [threading.Thread(target=worker, args=(t, stop_at)) for t in range(a.threads)]
for t in ts:
    t.start()
for t in ts:
    t.join()
out.close()
