"""Port of test/parallel/test-net-server-capture-rejection.js (Node v20).

With ``events.captureRejections`` on, an async ``'connection'`` listener that
throws destroys that socket with the error (``net.Server``'s rejection
method), and the client sees its connection close.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from pynet import events, net, run


@pytest.fixture
def capture_rejections() -> Iterator[None]:
    events.captureRejections = True
    try:
        yield
    finally:
        events.captureRejections = False


def test_connection_listener_rejection_destroys_the_socket(checker, capture_rejections):
    kaboom = Exception("kaboom")

    async def on_connection(sock):
        server.close()

        def on_error(err):
            assert err is kaboom
        sock.on("error", checker.must_call(on_error))
        raise kaboom

    server = net.createServer(checker.must_call(on_connection))

    def on_listening():
        sock = net.connect(server.address().port, server.address().address)
        sock.on("close", checker.must_call())

    server.listen(0, on_listening)
    run()
