"""Port of test/parallel/test-tls-finished.js (Node v20).

getFinished()/getPeerFinished() are None before the handshake, then non-empty bytes, and
each side's own Finished is the other's peer Finished (TLS 1.3 here).
"""

from __future__ import annotations

from pynet import run, tls
from tests.conformance._tls_fixtures import agent1, certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl


def test_finished(checker, certs):  # noqa: F811
    msg = {}

    def on_secure(alice):
        msg["server"] = {"alice": alice.getFinished(), "bob": alice.getPeerFinished()}
        server.close()

    server = tls.createServer(agent1(certs), checker.must_call(on_secure))

    def on_listening():
        def on_connect():
            msg["client"] = {"alice": bob.getPeerFinished(), "bob": bob.getFinished()}
            bob.end()

        bob = tls.connect({"port": server.address().port, "rejectUnauthorized": False},
                          checker.must_call(on_connect))
        msg["before"] = {"alice": bob.getPeerFinished(), "bob": bob.getFinished()}

    server.listen(0, checker.must_call(on_listening))
    run()
    assert msg["before"] == {"alice": None, "bob": None}
    for side in ("server", "client"):
        for who in ("alice", "bob"):
            assert isinstance(msg[side][who], bytes) and len(msg[side][who]) > 0
    assert msg["server"]["alice"] == msg["client"]["alice"]
    assert msg["server"]["bob"] == msg["client"]["bob"]
