"""Port of test/parallel/test-tls-server-parent-constructor-options.js (Node v20).

tls.Server passes allowHalfOpen and pauseOnConnect to net.Server: the server and its
sockets reflect them.
"""

from __future__ import annotations

from pynet import run, tls
from tests.conformance._tls_fixtures import agent1, certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl


def _connect(server):
    socket = tls.connect({"port": server.address().port, "rejectUnauthorized": False},
                         lambda: socket.end())
    socket.on("close", lambda *a: server.close())


def test_defaults(checker, certs):  # noqa: F811
    def on_secure(socket):
        assert socket.allowHalfOpen is False
        assert socket.isPaused() is False

    server = tls.createServer(agent1(certs), checker.must_call(on_secure))
    assert server.allowHalfOpen is False
    assert server.pauseOnConnect is False
    server.listen(0, checker.must_call(lambda: _connect(server)))
    run()


def test_half_open_and_pause_on_connect(checker, certs):  # noqa: F811
    def on_secure(socket):
        assert socket.allowHalfOpen is True
        assert socket.isPaused() is True
        socket.on("end", socket.end)

    server = tls.createServer(agent1(certs, allowHalfOpen=True, pauseOnConnect=True),
                              checker.must_call(on_secure))
    assert server.allowHalfOpen is True
    assert server.pauseOnConnect is True
    server.listen(0, checker.must_call(lambda: _connect(server)))
    run()
