"""Port of test/parallel/test-tls-secure-session.js (Node v20).

With TLS 1.2 (the server's secureProtocol 'TLSv1_2_method') the client's 'session'
event comes after secureConnect, and only once.
"""

from __future__ import annotations

from pynet import run, tls
from tests.conformance._tls_fixtures import agent1, certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl


def test_secure_session(checker, certs):  # noqa: F811
    server = tls.createServer(agent1(certs, secureProtocol="TLSv1_2_method"),
                              checker.must_call(lambda socket: socket.end()))
    state = {"connected": False, "session": None}

    def on_listening():
        def on_secure_connect():
            assert not state["connected"]
            assert state["session"] is None
            assert client.getProtocol() == "TLSv1.2"
            state["connected"] = True

        client = tls.connect({"rejectUnauthorized": False, "port": server.address().port},
                             checker.must_call(on_secure_connect))

        def on_session(new_session):
            assert state["connected"]
            assert state["session"] is None
            assert new_session
            state["session"] = new_session
            client.end()
            server.close()

        client.on("session", checker.must_call(on_session))

    server.listen(0, checker.must_call(on_listening))
    run()
    assert state["session"] is not None
