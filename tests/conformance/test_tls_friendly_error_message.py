"""Port of test/parallel/test-tls-friendly-error-message.js (Node v20).

A rejecting client that cannot verify the server: 'error' with code
UNABLE_TO_VERIFY_LEAF_SIGNATURE and message "unable to verify the first certificate";
the server (TLS 1.2 here: its handshake ends before the client's, as when the test was
written; with TLS 1.3 Node v20's server sees the client leave before its Finished) gets
its secure connection.
"""

from __future__ import annotations

from pynet import run, tls
from tests.conformance._tls_fixtures import agent1, certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl


def test_friendly_error_message(checker, certs):  # noqa: F811
    def on_secure(conn):
        conn.end()
        server.close()

    server = tls.createServer(agent1(certs, maxVersion="TLSv1.2"),
                              checker.must_call(on_secure))

    def on_listening():
        client = tls.connect({"port": server.address().port, "rejectUnauthorized": True})

        def on_error(err):
            assert err.code == "UNABLE_TO_VERIFY_LEAF_SIGNATURE"
            assert str(err) == "unable to verify the first certificate"
            client.destroy()

        client.on("error", checker.must_call(on_error))

    server.listen(0, checker.must_call(on_listening))
    run()
