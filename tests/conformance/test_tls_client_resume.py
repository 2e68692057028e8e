"""Port of test/parallel/test-tls-client-resume.js (Node v20).

The first connection is not resumed; the second, given the first's session, is.  As in
Node v20's version of the test, a TLS 1.3 session is taken from 'session' (tickets come
after the handshake); getSession() works too once one has arrived.
"""

from __future__ import annotations

from pynet import run, tls
from tests.conformance._tls_fixtures import agent2, certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl


def test_client_resume(checker, certs):  # noqa: F811
    server = tls.Server(agent2(certs), checker.must_call(lambda s: s.end("Goodbye"), 2))

    def on_listening():
        port = server.address().port
        sessions = []

        def on_connect1():
            assert not client1.isSessionReused()

        client1 = tls.connect({"port": port, "rejectUnauthorized": False},
                              checker.must_call(on_connect1))
        client1.on("session", sessions.append)
        client1.resume()

        def on_close1():
            assert sessions and client1.getSession() is None  # No handle after close.

            def on_connect2():
                assert client2.isSessionReused()

            client2 = tls.connect({"port": port, "rejectUnauthorized": False,
                                   "session": sessions[-1]}, checker.must_call(on_connect2))
            client2.resume()
            client2.on("close", checker.must_call(lambda: server.close()))

        client1.on("close", checker.must_call(on_close1))

    server.listen(0, on_listening)
    run()
