"""TLS interop peer (pynet side); tests/interop/js/tls_peer.js is its node twin.

Usage: python tls_peer.py server|client CERTDIR SCENARIO [PORT]
"""

from __future__ import annotations

import hashlib
import json
import sys
from typing import Any

import pynet
from pynet import tls

role, directory, scenario = sys.argv[1:4]
SIZE = (64 if scenario == "plain" else 16) * 1024 * 1024
mtls = scenario == "mtls"


def rd(name: str) -> str:
    with open(f"{directory}/{name}") as f:
        return f.read()


def log(*args: Any) -> None:
    print(json.dumps(list(args), separators=(",", ":")), flush=True)


if role == "server":
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
        s.on("close", lambda e: (log("close", e), srv.close()))

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
