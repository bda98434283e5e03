#!/usr/bin/env python3
"""A Twilio-like SMS provider stub: POST .../Messages.json. usage: sms_stub.py PORT LOG FAIL_500_S HANG_S.
For the first FAIL_500_S seconds (counted from the first request) it answers 500, then for HANG_S seconds it reads the request and never
answers (the sender's timeout), then 201 with a sid. LOG gets one line per request:
time  outcome(500|hang|201)  To  Body."""
import sys, threading, time, urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT, LOG, FAIL, HANG = int(sys.argv[1]), sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
start = None
lock = threading.Lock()
sids = [0]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_POST(self):
        form = urllib.parse.parse_qs(self.rfile.read(int(self.headers.get("Content-Length", 0))).decode())
        global start
        with lock:
            if start is None:
                start = time.time()
        age = time.time() - start
        outcome = "500" if age < FAIL else "hang" if age < FAIL + HANG else "201"
        with lock:
            with open(LOG, "a", encoding="utf-8") as f:
                f.write(f"{time.time():.3f}\t{outcome}\t{form.get('To', [''])[0]}\t"
                        f"{form.get('Body', [''])[0].replace(chr(10), ' ')}\n")
            sids[0] += 1
            sid = "SM%032d" % sids[0]
        if outcome == "hang":
            time.sleep(FAIL + HANG - age + 15)  # past the sender's timeout (10 s); then drop the connection
            self.close_connection = True
            return
        body = (b'{"code":20500,"message":"Internal Server Error","status":500}' if outcome == "500"
                else ('{"sid":"%s","status":"queued"}' % sid).encode())
        self.send_response(500 if outcome == "500" else 201)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


ThreadingHTTPServer.daemon_threads = True
ThreadingHTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
