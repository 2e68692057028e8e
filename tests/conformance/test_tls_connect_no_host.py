"""Port of test/parallel/test-tls-connect-no-host.js (Node v20).

tls.connect without a host checks the certificate against 'localhost' (Node issue 1489).
"""

from __future__ import annotations

from pynet import run, tls
from tests.conformance._tls_fixtures import certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl


def test_connect_no_host(checker, certs):  # noqa: F811
    cert = certs["self-cert.pem"]
    server = tls.createServer({"key": certs["self-key.pem"], "cert": cert})

    def on_listening():
        def on_secure():
            assert socket.authorized
            socket.destroy()
            server.close()

        socket = tls.connect({"port": server.address().port, "ca": cert},
                             checker.must_call(on_secure))

    server.listen(0, checker.must_call(on_listening))
    run()
