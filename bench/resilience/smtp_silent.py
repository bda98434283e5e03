#!/usr/bin/env python3
"""A mail server that takes connections and never says a word: no greeting, no reply.
usage: smtp_silent.py PORT SECONDS. After SECONDS it stops listening (the port is free for the sink)
but keeps every connection it took open, silent, until it is stopped (SIGTERM): a client that waits
for those connections' greeting waits for good, as it does for a hang-up it did not see."""
import socket, sys, time

PORT, SECONDS = int(sys.argv[1]), float(sys.argv[2])
held = []
listener = socket.socket()
listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
listener.bind(("127.0.0.1", PORT))
listener.listen(128)


# Accepts with a short timeout rather than blocking: a close from another thread would not end a
# blocked accept() on Linux, and the port would stay in LISTEN until the next connection came.
listener.settimeout(0.1)
until = time.time() + SECONDS
while time.time() < until:
    try:
        held.append(listener.accept()[0])
    except socket.timeout:
        pass
listener.close()
while True:
    time.sleep(3600)
