"""Port of test/parallel/test-tls-getprotocol.js (Node v20).

getProtocol() names the negotiated version on the client (secureProtocol
'TLSv1_method', 'TLSv1_1_method', 'TLSv1_2_method' against a 'TLS_method' server whose
ciphers allow the old versions), and is None once the socket has ended and closed its
handle.  Node's agent2 is an RSA key: the CA-signed RSA
server certificate here (the server's 'RSA@SECLEVEL=0' needs RSA).
"""

from __future__ import annotations

import ssl

from pynet import run, tls
from tests.conformance._tls_fixtures import agent1, certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl

# Node's common.hasOpenSSL31: from OpenSSL 3.1 the old versions need @SECLEVEL=0.
OLD_CIPHERS = "DEFAULT:@SECLEVEL=0" if ssl.OPENSSL_VERSION_INFO[:2] >= (3, 1) else "DEFAULT"
CLIENT_CONFIGS = [
    {"secureProtocol": "TLSv1_method", "version": "TLSv1", "ciphers": OLD_CIPHERS},
    {"secureProtocol": "TLSv1_1_method", "version": "TLSv1.1", "ciphers": OLD_CIPHERS},
    {"secureProtocol": "TLSv1_2_method", "version": "TLSv1.2", "ciphers": None},
]


def test_getprotocol(checker, certs):  # noqa: F811
    server = tls.createServer(agent1(certs, secureProtocol="TLS_method",
                                     ciphers="RSA@SECLEVEL=0"),
                              checker.must_call(None, len(CLIENT_CONFIGS)))
    connected = [0]

    def on_listening():
        for v in CLIENT_CONFIGS:
            def connect(v=v):
                def on_secure():
                    assert client.getProtocol() == v["version"]

                    def on_close():
                        assert client.getProtocol() is None

                    client.on("end", checker.must_call())
                    client.on("close", checker.must_call(on_close))
                    client.end()
                    connected[0] += 1
                    if connected[0] == len(CLIENT_CONFIGS):
                        server.close()

                client = tls.connect({"host": "127.0.0.1", "port": server.address().port,
                                      "ciphers": v["ciphers"], "rejectUnauthorized": False,
                                      "secureProtocol": v["secureProtocol"]},
                                     checker.must_call(on_secure))
            connect()

    server.listen(0, "127.0.0.1", on_listening)
    run()
