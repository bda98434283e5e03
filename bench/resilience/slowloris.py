#!/usr/bin/env python3
"""N slow connections that each send one byte of a request header per second, while a probe measures
ordinary requests (GET /health and a web complaint) before and during. usage: slowloris.py PORT N SECONDS
Prints probe latencies; exit 1 if a probe fails, or if the p99 during exceeds both LIMIT_MS (env, 1000)
and twice the p99 before (a shared, loaded machine makes every request slow, with or without them)."""
import json, os, socket, sys, threading, time
from client import Http, percentile

port, n, seconds = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
limit = float(os.environ.get("LIMIT_MS", "1000"))
HEADER = (b"POST /api/complaints HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
          b"Content-Length: 100\r\nX-Padding: " + b"a" * 10000)


def probe(duration, tag):
    http = Http(timeout=10)
    lat, fails, i = [], 0, 0
    end = time.time() + duration
    while time.time() < end:
        i += 1
        t = time.time()
        if i % 2:
            st, _ = http.request(port, "GET", "/health")
            ok = st == 200
        else:
            body = json.dumps({"name": "探针", "phone": "137%08d" % (i % 10 ** 8), "request_type": "投诉",
                               "location": "新城区", "description": f"慢连接探针 {tag}-{i}：路灯不亮"},
                              ensure_ascii=False).encode()
            st, _ = http.request(port, "POST", "/api/complaints", body, {"Content-Type": "application/json"})
            ok = st == 201
        lat.append((time.time() - t) * 1000)
        fails += 0 if ok else 1
        time.sleep(0.05)
    return lat, fails


probe(3, "warm")  # JIT and first-use costs, not counted
base, base_fails = probe(min(10, seconds), "before")
socks, opened, closed_by_server = [], 0, [0]
for _ in range(n):
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=5)
        s.setblocking(False)
        socks.append(s)
        opened += 1
    except OSError:
        pass
stop = threading.Event()


def drip():
    k = 0
    while not stop.is_set():
        for s in list(socks):
            try:
                s.send(HEADER[k % len(HEADER):k % len(HEADER) + 1])
            except OSError:
                socks.remove(s)
                closed_by_server[0] += 1
        k += 1
        stop.wait(1.0)


d = threading.Thread(target=drip)
d.start()
during, fails = probe(seconds, "during")
still_open = len(socks)
stop.set()
d.join()
for s in socks:
    s.close()
p = lambda v, q: f"{percentile(v, q):.1f}"
print(f"slow_connections={opened} still_open_at_end={still_open} probes={len(during)} failed={fails + base_fails} "
      f"p50_ms_before={p(base, 50)} p99_ms_before={p(base, 99)} p50_ms_during={p(during, 50)} p99_ms_during={p(during, 99)}")
slow = percentile(during, 99) > max(limit, 2 * percentile(base, 99))
sys.exit(1 if fails + base_fails or slow or opened < n else 0)
