"""Port of test/parallel/test-tls-close-error.js (Node v20).

A client that cannot verify the server (default rejectUnauthorized) never calls its
connect callback, emits 'error', then 'close' with hadError true.
"""

from __future__ import annotations

from pynet import run, tls
from tests.conformance._tls_fixtures import agent1, certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl


def test_close_error(checker, certs):  # noqa: F811
    server = tls.createServer(agent1(certs), lambda c: None)
    server.on("tlsClientError", lambda *a: None)

    def on_listening():
        c = tls.connect(server.address().port, checker.must_not_call())
        c.on("error", checker.must_call(lambda err: None))

        def on_close(had_error):
            assert had_error
            server.close()

        c.on("close", checker.must_call(on_close))

    server.listen(0, checker.must_call(on_listening))
    run()
