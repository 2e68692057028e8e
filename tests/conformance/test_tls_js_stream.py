"""Port of test/parallel/test-tls-js-stream.js (Node v20).

tls.connect({socket: p}) where p is a hand-written stream.Duplex over a net.Socket (Node's
JSStreamSocket): the handshake, a request and the server's answer pass through the Duplex,
and the TLS client closes.
"""

from __future__ import annotations

from pynet import net, run, stream, tls
from tests.conformance._tls_fixtures import agent1, certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl


def test_js_stream(checker, certs):  # noqa: F811
    received = []

    def on_secure_connection(c):
        c.resume()
        c.end("ohai")

    server = tls.createServer(agent1(certs), checker.must_call(on_secure_connection))

    def on_listening():
        raw = net.connect(server.address().port)
        pending = [False]

        def read(*_):
            pending[0] = False
            chunk = raw.read()
            if chunk:
                p.push(chunk)
            else:
                pending[0] = True

        def write(data, enc, cb):
            raw.write(data, enc, cb)

        raw.on("readable", lambda: read() if pending[0] else None)
        raw.on("end", lambda: p.push(None))
        p = stream.Duplex({"read": read, "write": write})

        def on_secure():
            socket.on("data", lambda d: received.append(bytes(d)))
            socket.end("hello")

        socket = tls.connect({"socket": p, "rejectUnauthorized": False},
                             checker.must_call(on_secure))
        socket.once("close", checker.must_call(lambda *a: server.close()))

    server.listen(0, checker.must_call(on_listening))
    run()
    assert b"".join(received) == b"ohai"
