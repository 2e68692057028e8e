"""Port of test/parallel/test-tls-delayed-attach.js (Node v20).

A server-side TLSSocket made 200 ms after the connection (the ClientHello already
buffered in the kernel) gets the client's data and 'end'.
"""

from __future__ import annotations

from pynet import net, run, tls
from pynet.timers import setTimeout
from tests.conformance._tls_fixtures import agent1, certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl


def test_delayed_attach(checker, certs):  # noqa: F811
    sent = "hello world"
    received = []

    def on_connection(c):
        def later():
            s = tls.TLSSocket(c, {"isServer": True,
                                  "secureContext": tls.createSecureContext(agent1(certs))})
            s.on("data", received.append)

            def on_end():
                server.close()
                s.destroy()

            s.on("end", checker.must_call(on_end))

        setTimeout(later, 200)

    server = net.createServer(on_connection)

    def on_listening():
        c = tls.connect(server.address().port, {"rejectUnauthorized": False},
                        lambda: c.end(sent))
        c.resume()

    server.listen(0, on_listening)
    run()
    assert b"".join(received) == sent.encode()
