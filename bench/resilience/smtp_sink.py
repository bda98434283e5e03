#!/usr/bin/env python3
"""A minimal SMTP sink (no TLS, no auth): accepts every mail and appends its Message-ID to a file.
usage: smtp_sink.py PORT FILE. Stop it (SIGTERM) to make the mail server 'down'."""
import re, socketserver, sys, time

PORT, FILE = int(sys.argv[1]), sys.argv[2]


class Session(socketserver.StreamRequestHandler):
    def reply(self, line):
        self.wfile.write((line + "\r\n").encode())
        self.wfile.flush()

    def handle(self):
        self.reply("220 sink ESMTP")
        while True:
            line = self.rfile.readline()
            if not line:
                return
            cmd = line.decode("utf-8", "replace").strip().upper()
            if cmd.startswith("EHLO"):
                self.wfile.write(b"250-sink\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n")
                self.wfile.flush()
            elif cmd.startswith("DATA"):
                self.reply("354 go ahead")
                data = []
                while True:
                    l = self.rfile.readline()
                    if not l or l in (b".\r\n", b".\n"):
                        break
                    data.append(l)
                m = re.search(rb"^Message-ID:\s*(\S+)", b"".join(data), re.I | re.M)
                with open(FILE, "ab") as f:
                    f.write((m.group(1) if m else b"<none>") + b"\n")
                self.reply("250 queued")
            elif cmd.startswith("QUIT"):
                self.reply("221 bye")
                return
            else:  # HELO, MAIL, RCPT, RSET, NOOP
                self.reply("250 ok")


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


# The port may still be held for a moment by the server it takes over from (line c's silent one).
for attempt in range(100):
    try:
        server = Server(("127.0.0.1", PORT), Session)
        break
    except OSError:
        if attempt == 99:
            raise
        time.sleep(0.1)
server.serve_forever()
