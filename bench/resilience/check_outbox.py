#!/usr/bin/env python3
"""After a provider outage: waits until the outbox rows with a dedupe-key prefix are sent, then checks
every message arrived once and the retries stayed within the backoff policy.
usage: check_outbox.py DB PREFIX N DOWN_S BASE_S CAP_S (--mail SINK_FILE | --sms STUB_LOG) [--wait S]
The bound: attempts per message may not exceed the most a 10,000-fold simulation of the policy (full
jitter, delay uniform in [0, min(cap, base*2^(k-1))]) makes within the outage, plus the one that works."""
import argparse, random, sys, time
from collections import Counter
from client import psql

ap = argparse.ArgumentParser()
ap.add_argument("db"); ap.add_argument("prefix"); ap.add_argument("n", type=int)
ap.add_argument("down", type=float); ap.add_argument("base", type=float); ap.add_argument("cap", type=float)
ap.add_argument("--mail"); ap.add_argument("--sms"); ap.add_argument("--wait", type=float, default=300)
ap.add_argument("--per-attempt", type=float, default=0.0, help="seconds an attempt itself takes (timeouts)")
a = ap.parse_args()

deadline = time.time() + a.wait
while True:
    (sent, failed, pending), = psql(a.db, f"""SELECT count(*) FILTER (WHERE status = 'sent'),
        count(*) FILTER (WHERE status = 'failed'), count(*) FILTER (WHERE status = 'pending')
        FROM outbox WHERE dedupe_key LIKE '{a.prefix}%'""")
    if int(pending) == 0 or time.time() > deadline:
        break
    time.sleep(1)
(max_att, avg_att, drain), = psql(a.db, f"""SELECT max(attempts), round(avg(attempts), 2),
    round(extract(epoch FROM max(sent_at) - min(created_at))::numeric, 1) FROM outbox WHERE dedupe_key LIKE '{a.prefix}%'""")


def simulate(rng):
    t, k = 0.0, 0
    while t < a.down:
        k += 1
        t += a.per_attempt + rng.uniform(0, min(a.cap, a.base * 2 ** (k - 1)))
    return k + 1


rng = random.Random(1)
bound = max(simulate(rng) for _ in range(10000))
if a.mail:
    ids = [l.strip() for l in open(a.mail, encoding="utf-8")]
    delivered, distinct, requests = len(ids), len(set(ids)), None
    per_message = Counter(ids)
else:
    lines = [l.rstrip("\n").split("\t") for l in open(a.sms, encoding="utf-8")]
    ok = Counter(l[3] for l in lines if l[1] == "201")
    delivered, distinct, requests = sum(ok.values()), len(ok), len(lines)
    per_message = ok
dupes = sum(1 for v in per_message.values() if v > 1)
figures = dict(messages=a.n, sent=sent, failed=failed, pending=pending, delivered=delivered, distinct=distinct,
               duplicates=dupes, attempts_max=max_att, attempts_avg=avg_att, attempts_bound=bound,
               drained_after_s=drain)
if requests is not None:
    figures["provider_requests"] = requests
print(" ".join(f"{k}={v}" for k, v in figures.items()))
good = (int(sent) == a.n and delivered == a.n and distinct == a.n and dupes == 0 and int(max_att) <= bound)
sys.exit(0 if good else 1)
