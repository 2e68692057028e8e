"""Port of test/parallel/test-tls-econnreset.js (Node v20).

A TCP client destroyed as soon as it connects: the TLS server gets no secure connection
but one 'tlsClientError', ECONNRESET with "socket hang up", and the connection.
"""

from __future__ import annotations

from pynet import net, run, tls
from tests.conformance._tls_fixtures import agent1, certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl


def test_econnreset(checker, certs):  # noqa: F811
    client_errors = []

    def on_client_error(err, conn):
        assert not client_errors and conn
        client_errors.append(err)
        server.close()

    server = tls.createServer(agent1(certs), checker.must_not_call())
    server.on("tlsClientError", on_client_error)

    def on_listening():
        client = net.connect(server.address().port, lambda: client.destroy())
        client.on("error", checker.must_not_call())

    server.listen(0, on_listening)
    run()
    assert client_errors
    assert "socket hang up" in client_errors[0].message
    assert "ECONNRESET" in client_errors[0].code
