"""Port of test/parallel/test-tls-multi-pfx.js (Node v20).

A server with two PKCS#12 entries, ``{buf, passphrase}`` for an RSA identity and a bare
blob for an EC one: a client that offers only an ECDSA cipher and one that offers only
an RSA cipher (TLS 1.2) both connect, each with the cipher it asked for.
"""

from __future__ import annotations

from pynet import run, tls
from tests.conformance._tls_fixtures import needs_openssl, pfx_certs, read_pfx  # noqa: F401

pytestmark = needs_openssl


def test_multi_pfx(checker, pfx_certs):  # noqa: F811
    options = {"pfx": [{"buf": read_pfx(pfx_certs, "agent1.pfx"), "passphrase": "sample"},
                       read_pfx(pfx_certs, "ec.pfx")]}
    ciphers = []

    server = tls.createServer(options, lambda conn: conn.end("ok"))

    def on_listening():
        def on_ecdsa():
            ciphers.append(ecdsa.getCipher())

            def on_rsa():
                ciphers.append(rsa.getCipher())
                ecdsa.end()
                rsa.end()
                server.close()

            rsa = tls.connect(server.address().port, {
                "ciphers": "ECDHE-RSA-AES256-GCM-SHA384", "maxVersion": "TLSv1.2",
                "rejectUnauthorized": False}, checker.must_call(on_rsa))
            clients.append(rsa)

        ecdsa = tls.connect(server.address().port, {
            "ciphers": "ECDHE-ECDSA-AES256-GCM-SHA384", "maxVersion": "TLSv1.2",
            "rejectUnauthorized": False}, checker.must_call(on_ecdsa))
        clients.append(ecdsa)

    server.listen(0, on_listening)
    clients = []
    run()
    # Neither client reads the server's 'ok', so neither sees 'end': Node leaves them
    # open when its loop runs dry; the port closes them.
    for client in clients:
        client.destroy()
    run()
    assert ciphers == [
        {"name": "ECDHE-ECDSA-AES256-GCM-SHA384",
         "standardName": "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "version": "TLSv1.2"},
        {"name": "ECDHE-RSA-AES256-GCM-SHA384",
         "standardName": "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "version": "TLSv1.2"},
    ]
