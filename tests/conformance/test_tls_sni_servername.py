"""Port of test/parallel/test-tls-sni-servername.js (Node v20).

An SNICallback that answers with an error, or with something that is not a secure context
(a plain object: Node's "Invalid SNI context"), gives 'tlsClientError' with the socket's
servername set; the client sees ECONNRESET before the handshake ended.
"""

from __future__ import annotations

import pytest

from pynet import run, tls


def _sni(servername, callback):
    if servername == "c.another.com":
        callback(None, {})
    else:
        callback(Exception("Invalid SNI context"), None)


@pytest.mark.parametrize("servername", ["c.another.com", "c.wrong.com"])
def test_sni_servername(checker, servername):
    server = tls.createServer({"requestCert": True, "rejectUnauthorized": False,
                               "SNICallback": _sni}, checker.must_not_call())

    def on_client_error(err, socket):
        assert str(err) == "Invalid SNI context"
        assert socket.servername == servername

    server.on("tlsClientError", checker.must_call(on_client_error))

    def on_listening():
        client = tls.connect({"port": server.address().port, "servername": servername,
                              "rejectUnauthorized": False}, checker.must_not_call())

        def on_error(err):
            assert str(err) == ("Client network socket disconnected before secure TLS "
                                "connection was established")

        client.on("error", checker.must_call(on_error))
        client.on("close", checker.must_call(lambda: server.close()))

    server.listen(0, checker.must_call(on_listening))
    run()
