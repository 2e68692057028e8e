"""Port of test/parallel/test-tls-empty-sni-context.js (Node v20).

An SNICallback answering with a context that has no certificate fails the handshake:
'tlsClientError' with OpenSSL's "SSL_use_certificate:passed a null parameter", and the
client gets an error (Node v20: the handshake_failure alert, as here; the newest test
expects a disconnection).
"""

from __future__ import annotations

import re

from pynet import run, tls


def test_empty_sni_context(checker):
    server = tls.createServer({"SNICallback": lambda name, cb: cb(None, tls.createSecureContext())},
                              checker.must_not_call())

    def on_client_error(err, c):
        assert re.search(r"SSL_use_certificate:passed a null parameter", str(err), re.I)
        assert err.code == "ERR_SSL_PASSED_A_NULL_PARAMETER"
        server.close()

    server.on("tlsClientError", checker.must_call(on_client_error))

    def on_listening():
        c = tls.connect({"port": server.address().port, "rejectUnauthorized": False,
                         "servername": "any.name"}, checker.must_not_call())

        def on_error(err):
            assert err.code == "ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE"
            assert "sslv3 alert handshake failure" in str(err)

        c.on("error", checker.must_call(on_error))

    server.listen(0, checker.must_call(on_listening))
    run()
