"""Port of test/parallel/test-tls-server-failed-handshake-emits-clienterror.js (Node v20).

1024 bytes that are not TLS sent to a TLS server: 'tlsClientError' with an Error whose
code is ERR_SSL_WRONG_VERSION_NUMBER and whose message names the SSL routine.
"""

from __future__ import annotations

from pynet import net, run, tls


def test_server_failed_handshake_emits_clienterror(checker):
    bonkers = b"\x2a" * 1024
    clients = []

    def on_listening():
        c = net.connect({"port": server.address().port}, lambda: c.write(bonkers))
        c.on("error", lambda err: None)
        clients.append(c)

    def on_client_error(e, sock):
        assert isinstance(e, Exception)
        assert e.code == "ERR_SSL_WRONG_VERSION_NUMBER"
        assert "SSL routines" in str(e) and "wrong version number" in str(e)
        assert isinstance(sock, tls.TLSSocket)
        server.close()
        clients[0].destroy()

    server = tls.createServer({}).listen(0, on_listening)
    server.on("tlsClientError", checker.must_call(on_client_error))
    run()
