"""Port of test/parallel/test-tls-connect-simple.js (Node v20).

Two clients connect (callback and 'secureConnect' forms); after the second secure
connection server.close(cb) runs its callback and 'close' fires.
"""

from __future__ import annotations

from pynet import run, tls
from tests.conformance._tls_fixtures import agent1, certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl


def test_connect_simple(checker, certs):  # noqa: F811
    connected = [0]

    def on_secure(socket):
        connected[0] += 1
        if connected[0] == 2:
            server.close(checker.must_call(lambda *a: None))
            server.on("close", checker.must_call(lambda: None))

    server = tls.Server(agent1(certs), checker.must_call(on_secure, 2))

    def on_listening():
        port = server.address().port
        client1 = tls.connect({"port": port, "rejectUnauthorized": False},
                              checker.must_call(lambda: client1.end()))
        client2 = tls.connect({"port": port, "rejectUnauthorized": False})
        client2.on("secureConnect", checker.must_call(lambda: client2.end()))

    server.listen(0, on_listening)
    run()
