"""Port of test/parallel/test-tls-zero-clear-in.js (Node v20).

end('') before the handshake (an empty write into OpenSSL) is not an error.
"""

from __future__ import annotations

from pynet import run, setTimeout, tls
from tests.conformance._tls_fixtures import agent1, certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl


def test_zero_clear_in(checker, certs):  # noqa: F811
    options = agent1(certs)

    def on_secure(c):
        def later():
            c.destroy()
            server.close()
        setTimeout(later, 20)

    server = tls.createServer(options, on_secure)

    def on_listening():
        conn = tls.connect(dict(options, rejectUnauthorized=False, port=server.address().port),
                           checker.must_call(lambda: setTimeout(conn.destroy, 20)))
        conn.end("")
        conn.on("error", checker.must_not_call())

    server.listen(0, on_listening)
    run()
