#!/usr/bin/env python3
"""Compares a ledger (ledger.py) with the database: every acknowledged complaint and SMS stored
exactly once, nothing stored twice. Prints key=value figures; exit 1 on loss or duplicate.
--since EPOCH also reports the outage: first failure at/after it (a failed try, F, or an unacknowledged
end), first success after that, and the number of failed answers (tries included)."""
import argparse, re, sys
from collections import Counter
from client import psql

ap = argparse.ArgumentParser()
ap.add_argument("--ledger", required=True)
ap.add_argument("--db", required=True)
ap.add_argument("--tag", required=True)
ap.add_argument("--since", type=float)
a = ap.parse_args()

rows = [l.rstrip("\n").split("\t") for l in open(a.ledger, encoding="utf-8")]
acked_c = {r[2]: r[4] for r in rows if r[1] == "C"}
# complaints acknowledged only after a retry (the ledger's sixth column counts the tries)
retried_c = sum(1 for r in rows if r[1] == "C" and len(r) > 5 and int(r[5]) > 1)
unknown_c = {r[2] for r in rows if r[1] == "U"}
acked_s = {r[2] for r in rows if r[1] == "S"}
lost_s = {r[2] for r in rows if r[1] == "L"}

pat = re.compile(r"(" + re.escape(a.tag) + r"-[cs]-\d+-\d+)")
stored = Counter()
numbers = {}
for number, desc in psql(a.db, f"SELECT number, description FROM tickets WHERE description LIKE '%{a.tag}-%'"):
    m = pat.search(desc)
    if m:
        stored[m.group(1)] += 1
        numbers[m.group(1)] = number
inbound = Counter({r[0]: int(r[1]) for r in psql(a.db,
    f"SELECT provider_message_id, count(*) FROM inbound_messages WHERE provider_message_id LIKE '{a.tag}-s-%' GROUP BY 1")})

missing = [m for m in acked_c if stored[m] == 0] + [m for m in acked_s if stored[m] == 0]
wrong_number = [m for m, n in acked_c.items() if stored[m] and numbers[m] != n]
dupes = [m for m, n in stored.items() if n > 1] + [m for m, n in inbound.items() if n > 1]
unknown_stored = sum(1 for m in unknown_c if stored[m])
extra = [m for m in stored if m not in acked_c and m not in unknown_c and m not in acked_s and m not in lost_s]
figures = dict(acked_complaints=len(acked_c), acked_after_retry=retried_c, acked_sms=len(acked_s), unacked_complaints=len(unknown_c),
               unacked_stored=unknown_stored, sms_never_acked=len(lost_s), missing=len(missing),
               duplicates=len(dupes), wrong_number=len(wrong_number), unexplained=len(extra))
if a.since:
    after = [r for r in rows if float(r[0]) >= a.since]
    fails = [float(r[0]) for r in after if r[3] != "200" and r[3] != "201"]
    if fails:
        ok = [float(r[0]) for r in after if r[3] in ("200", "201") and float(r[0]) > fails[0]]
        figures["failed_answers"] = len(fails)
        figures["first_success_after_s"] = round(ok[0] - a.since, 2) if ok else "never"
    else:
        figures["failed_answers"] = 0
        figures["first_success_after_s"] = 0
print(" ".join(f"{k}={v}" for k, v in figures.items()))
for m in (missing + dupes + wrong_number)[:10]:
    print("  problem:", m, file=sys.stderr)
sys.exit(1 if missing or dupes or wrong_number or extra or lost_s else 0)
