"""Port of test/parallel/test-net-listen-after-destroying-stdin.js (Node v20).

Listening, accepting and closing still work after stdin is destroyed (Node issue #746).

Partial port: pynet has no ``process.stdin``.  Destroying stdin closes fd 0, which the next
socket then gets; here fd 0 is closed for the test so that the listening socket lands on it.
"""

from __future__ import annotations

import os

import pytest

from pynet import net, run

pytestmark = pytest.mark.timeout(10)


@pytest.fixture
def stdin_destroyed():
    saved = os.dup(0)
    os.close(0)
    try:
        yield
    finally:
        os.dup2(saved, 0)
        os.close(saved)


def test_listen_after_destroying_stdin(stdin_destroyed, checker):
    def on_connection(socket):
        socket.end()
        server.close()

    server = net.createServer(checker.must_call(on_connection))

    def on_listening():
        net.createConnection(server.address().port)

    server.listen(0, checker.must_call(on_listening))
    # The listening socket took the lowest free fd: stdin's.
    assert server._handle._sock.fileno() == 0
    run()
