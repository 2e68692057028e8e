"""Port of test/parallel/test-tls-server-capture-rejection.js (Node v20).

With ``events.captureRejections`` on, an async ``'secureConnection'`` listener that
throws destroys that socket with the error (its 'error' gets the same error), and
the client sees its connection close.  Node's ``rsa_cert.crt``/``rsa_private.pem``
become agent1; ``host: server.address().host`` is undefined in Node, so left out.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from pynet import events, run, tls
from tests.conformance._tls_fixtures import agent1, certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl


@pytest.fixture
def capture_rejections() -> Iterator[None]:
    events.captureRejections = True
    try:
        yield
    finally:
        events.captureRejections = False


def test_secure_connection_listener_rejection(checker, certs, capture_rejections):  # noqa: F811
    kaboom = Exception("kaboom")

    async def on_secure_connection(sock):
        server.close()

        def on_error(err):
            assert err is kaboom
        sock.on("error", checker.must_call(on_error))
        raise kaboom

    server = tls.createServer(agent1(certs), checker.must_call(on_secure_connection))

    def on_listening():
        sock = tls.connect({"port": server.address().port, "rejectUnauthorized": False})
        sock.on("close", checker.must_call())

    server.listen(0, checker.must_call(on_listening))
    run()
