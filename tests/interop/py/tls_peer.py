"""TLS interop peer (pynet side); tests/interop/js/tls_peer.js is its node twin.

Usage: python tls_peer.py server|client CERTDIR SCENARIO [PORT]
"""

from __future__ import annotations

import hashlib
import json
import sys
from typing import Any

import pynet
from pynet import net, tls

role, directory, scenario = sys.argv[1:4]
SIZE = (64 if scenario == "plain" else 16) * 1024 * 1024
mtls = scenario == "mtls"


def rd(name: str) -> str:
    with open(f"{directory}/{name}") as f:
        return f.read()


def log(*args: Any) -> None:
    print(json.dumps(list(args), separators=(",", ":")), flush=True)


if role == "server" and scenario == "starttls":
    ctx = tls.createSecureContext({"key": rd("server-key.pem"), "cert": rd("server-cert.pem")})

    def on_raw(raw: net.Socket) -> None:
        def on_line(line: bytes) -> None:
            log("plain", line.decode())
            raw.write("OK\n")
            s = tls.TLSSocket(raw, {"isServer": True, "secureContext": ctx})
            s.on("secure", lambda: log("secure", s.getProtocol()))
            s.on("data", lambda d: s.end(b"upgraded:" + d))
            s.on("close", lambda e: (log("close", e), srv.close()))

        raw.once("data", on_line)

    srv = net.createServer(on_raw)
    srv.listen(0, "127.0.0.1", lambda: print(srv.address()["port"], flush=True))
elif role == "client" and scenario == "starttls":
    raw = net.connect(int(sys.argv[4]), "127.0.0.1", lambda: raw.write("STARTTLS\n"))

    def on_ok(line: bytes) -> None:
        log("plain", line.decode())
        c = tls.connect({"socket": raw, "servername": "localhost", "ca": rd("ca-cert.pem")},
                        lambda: (log("secureConnect", c.authorized, c.getProtocol()),
                                 c.write("ping")))
        c.setEncoding("utf8")
        c.on("data", lambda d: log("data", d))
        c.on("end", lambda: log("end"))
        c.on("close", lambda e: log("close", e))

    raw.once("data", on_ok)
elif role == "client" and scenario == "resume":
    opts = {"port": int(sys.argv[4]), "host": "127.0.0.1", "servername": "localhost",
            "ca": rd("ca-cert.pem")}
    saved: list[Any] = [None]
    first = tls.connect(opts, lambda: (log("first", first.isSessionReused()), first.end()))
    first.on("session", lambda s: saved.__setitem__(0, s))
    first.resume()

    def again() -> None:
        second = tls.connect(dict(opts, session=saved[0]),
                             lambda: (log("second", second.isSessionReused(), second.authorized),
                                      second.end()))
        second.resume()
        second.on("close", lambda e: log("close", e))

    first.on("close", again)
elif role == "server":
    def on_secure(s: tls.TLSSocket) -> None:
        log("secureConnection", s.servername, s.alpnProtocol, s.authorized,
            s.getPeerCertificate()["subject"]["CN"] if mtls else None, s.getProtocol())
        h = hashlib.sha256()
        n = [0]

        def on_data(d: bytes) -> None:
            h.update(d)
            n[0] += len(d)

        def on_end() -> None:
            digest = h.hexdigest()
            log("end", n[0], digest)
            s.end(digest)

        s.on("data", on_data)
        s.on("end", on_end)
        def on_close(e: bool) -> None:
            log("close", e)
            closes[0] += 1
            if closes[0] == (2 if scenario == "resume" else 1):
                srv.close()

        s.on("close", on_close)

    closes = [0]
    srv = tls.createServer({"key": rd("server-key.pem"), "cert": rd("server-cert.pem"),
                            "ca": rd("ca-cert.pem"), "requestCert": mtls,
                            "ALPNProtocols": ["a", "b"]}, on_secure)
    srv.listen(0, "127.0.0.1", lambda: print(srv.address()["port"], flush=True))
else:
    opts: dict[str, Any] = {"port": int(sys.argv[4]), "host": "127.0.0.1",
                            "servername": "localhost", "ca": rd("ca-cert.pem"),
                            "ALPNProtocols": ["b", "x"]}
    if mtls:
        opts["key"] = rd("client-key.pem")
        opts["cert"] = rd("client-cert.pem")
    c = tls.connect(opts)
    sessions = [0]
    c.on("session", lambda s: sessions.__setitem__(0, sessions[0] + 1))
    c.on("connect", lambda: log("connect"))
    chunk = bytes(i % 251 for i in range(65536))
    sent = [0]

    def pump() -> None:
        while sent[0] < SIZE:
            sent[0] += len(chunk)
            if not c.write(chunk):
                c.once("drain", pump)
                return
        c.end()

    def on_secure_connect() -> None:
        log("secureConnect", c.authorized, c.authorizationError, c.getProtocol(),
            c.alpnProtocol, c.getPeerCertificate()["subject"]["CN"])
        pump()

    c.on("secureConnect", on_secure_connect)
    got: list[str] = []
    c.setEncoding("utf8")
    c.on("data", got.append)
    c.on("end", lambda: log("end", "".join(got)))
    c.on("close", lambda e: (log("close", e), log("sessions>0", sessions[0] > 0)))

pynet.run()
