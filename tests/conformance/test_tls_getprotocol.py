"""Port of test/parallel/test-tls-getprotocol.js (Node v20).

getProtocol() names the negotiated version on the client, and is None once the socket
has ended and closed its handle.  Node's TLSv1/TLSv1.1 rows (secureProtocol) are not
allowed by OpenSSL 3's default security level; the version is chosen with maxVersion.
"""

from __future__ import annotations

from pynet import run, tls
from tests.conformance._tls_fixtures import agent2, certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl

CONFIGS = [("TLSv1.2", "TLSv1.2"), ("TLSv1.3", "TLSv1.3")]


def test_getprotocol(checker, certs):  # noqa: F811
    server = tls.createServer(agent2(certs), checker.must_call(lambda s: s.resume(),
                                                               len(CONFIGS)))
    connected = [0]

    def on_listening():
        for max_version, expected in CONFIGS:
            def connect(max_version=max_version, expected=expected):
                def on_secure():
                    assert client.getProtocol() == expected

                    def on_close():
                        assert client.getProtocol() is None

                    client.on("close", checker.must_call(on_close))
                    client.end()
                    connected[0] += 1
                    if connected[0] == len(CONFIGS):
                        server.close()

                client = tls.connect({"host": "127.0.0.1", "port": server.address().port,
                                      "rejectUnauthorized": False, "maxVersion": max_version},
                                     checker.must_call(on_secure))
                client.resume()
            connect()

    server.listen(0, "127.0.0.1", on_listening)
    run()
