"""Shared by the resilience scripts: signed generic SMS, keep-alive HTTP, psql queries."""
import base64, hashlib, hmac, http.client, json, subprocess, time


def generic_sms(secret, mid, phone, text):
    """(body, headers) of a Standard-Webhooks-signed delivery of the generic SMS gateway."""
    key = base64.b64decode(secret[len("whsec_"):] if secret.startswith("whsec_") else secret)
    ts = str(int(time.time()))
    body = json.dumps({"id": mid, "from": phone, "to": "12345", "text": text,
                       "received_at": "2026-11-27T08:30:00+08:00"}, ensure_ascii=False, separators=(",", ":"))
    sig = base64.b64encode(hmac.new(key, f"{mid}.{ts}.".encode() + body.encode(), hashlib.sha256).digest()).decode()
    return body.encode(), {"Content-Type": "application/json", "webhook-id": mid, "webhook-timestamp": ts,
                           "webhook-signature": "v1," + sig}


class Http:
    """One keep-alive connection per port; any transport error drops it and is reported as status 0."""

    def __init__(self, timeout=10):
        self.timeout = timeout
        self.conns = {}

    def request(self, port, method, path, body=None, headers=None):
        try:
            c = self.conns.get(port)
            if c is None:
                c = self.conns[port] = http.client.HTTPConnection("127.0.0.1", port, timeout=self.timeout)
            c.request(method, path, body=body, headers=headers or {})
            r = c.getresponse()
            data = r.read()
            if r.getheader("Connection", "").lower() == "close":
                self.close(port)
            return r.status, data
        except Exception as e:  # refused, reset, timeout, bad status line: all "no answer"
            self.close(port)
            return 0, str(e).encode()

    def close(self, port):
        c = self.conns.pop(port, None)
        if c is not None:
            try:
                c.close()
            except Exception:
                pass


def psql(db_url, sql):
    """Rows (lists of strings) of one query, through psql."""
    out = subprocess.run(["psql", "-X", "-At", "-F", "\t", "-v", "ON_ERROR_STOP=1", db_url, "-c", sql],
                         check=True, capture_output=True, text=True).stdout
    return [line.split("\t") for line in out.splitlines() if line]


def percentile(values, p):
    if not values:
        return 0.0
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100.0 * (len(s) - 1))))]
