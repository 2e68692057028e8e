"""Port of test/parallel/test-tls-multiple-cas-as-string.js (Node v20).

Several CAs, as a list or as one newline-separated string, on a server, on its
addContext context and on a verifying client (servername 'localhost' here: Node's agent3
is named 'agent3').
"""

from __future__ import annotations

from pynet import run, tls
from tests.conformance._tls_fixtures import certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl


def test_multiple_cas_as_string(checker, certs):  # noqa: F811
    ca1, ca2 = certs["ca-cert.pem"], certs["other-ca-cert.pem"]
    cert, key = certs["other-cert.pem"], certs["other-key.pem"]

    def test(ca, next_=None):
        def on_secure(conn):
            server.close()
            conn.end()

        server = tls.createServer({"ca": ca, "cert": cert, "key": key}, on_secure)
        server.addContext("localhost", {"ca": ca, "cert": cert, "key": key})
        host = "127.0.0.1"

        def on_listening():
            c = tls.connect({"servername": "localhost", "host": host,
                             "port": server.address().port, "ca": ca})
            c.on("secureConnect", checker.must_call(lambda: c.authorized or 1 / 0))
            c.resume()

        server.listen(0, host, on_listening)
        if next_ is not None:
            server.once("close", next_)

    test([ca1, ca2], checker.must_call(lambda: test(f"{ca1}\n{ca2}")))
    run()
