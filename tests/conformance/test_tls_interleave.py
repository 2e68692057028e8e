"""Port of test/parallel/test-tls-interleave.js (Node v20).

Three server writes and one client write cross; the client reads the server's in order
with 'readable'/read().  The server socket reads here (resume()): as in the original, it
never reads the client's data, and unread data keeps it from seeing the client's end, so
the original only finishes in Node's harness by exiting; Node v20 hangs the same way
without it.
"""

from __future__ import annotations

from pynet import run, tls
from tests.conformance._tls_fixtures import agent1, certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl

WRITES = ["some server data", "and a separate packet", "and one more"]


def test_interleave(checker, certs):  # noqa: F811
    received = [0]

    def on_connection(c):
        for s in WRITES:
            c.write(s)
        c.resume()

    server = tls.createServer(agent1(certs, ca=[certs["ca-cert.pem"]]), on_connection)

    def on_listening():
        def on_secure():
            c.write("some client data")

            def on_readable():
                data = c.read()
                if data is None:
                    return
                text = data.decode()
                while text:
                    assert text.startswith(WRITES[received[0]])
                    text = text[len(WRITES[received[0]]):]
                    received[0] += 1
                    if received[0] == len(WRITES):
                        c.end()
                        server.close()

            c.on("readable", on_readable)

        c = tls.connect(server.address().port, {"rejectUnauthorized": False},
                        checker.must_call(on_secure))

    server.listen(0, checker.must_call(on_listening))
    run()
    assert received[0] == len(WRITES)
