"""Port of test/parallel/test-tls-timeout-server-2.js (Node v20).

setTimeout(ms, cb) on a secure server socket returns the socket and calls cb on idle.
"""

from __future__ import annotations

from pynet import run, tls
from tests.conformance._tls_fixtures import agent1, certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl


def test_timeout_server_2(checker, certs):  # noqa: F811
    def on_secure(cleartext):
        def on_timeout():
            cleartext.destroy()
            server.close()

        s = cleartext.setTimeout(50, checker.must_call(on_timeout))
        assert isinstance(s, tls.TLSSocket)

    server = tls.createServer(agent1(certs), checker.must_call(on_secure))

    def on_listening():
        c = tls.connect({"host": "127.0.0.1", "port": server.address().port,
                         "rejectUnauthorized": False})
        c.on("error", lambda e: None)
        c.resume()

    server.listen(0, checker.must_call(on_listening))
    run()
