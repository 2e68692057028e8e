"""Port of test/parallel/test-tls-timeout-server.js (Node v20).

A plain TCP client that never starts a handshake: after handshakeTimeout the server emits
'tlsClientError' once, with ERR_TLS_HANDSHAKE_TIMEOUT, and the socket.
"""

from __future__ import annotations

from pynet import net, run, tls
from tests.conformance._tls_fixtures import agent1, certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl


def test_timeout_server(checker, certs):  # noqa: F811
    server = tls.createServer(agent1(certs, handshakeTimeout=50), checker.must_not_call())
    clients = []

    def on_client_error(err, conn):
        assert err.code == "ERR_TLS_HANDSHAKE_TIMEOUT"
        assert str(err) == "TLS handshake timeout"
        conn.destroy()
        server.close()
        clients[0].destroy()

    server.on("tlsClientError", checker.must_call(on_client_error))

    def on_listening():
        c = net.connect({"host": "127.0.0.1", "port": server.address().port})
        c.on("error", lambda e: None)
        clients.append(c)

    server.listen(0, on_listening)
    run()
