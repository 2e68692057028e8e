"""Port of test/parallel/test-net-connect-call-socket-connect.js (Node v20).

net.connect() goes through Socket.connect, so monkey-patching Socket.connect sees it.
"""

from __future__ import annotations

from pynet import net
from tests.conformance.common import finish, track


def test_net_connect_calls_socket_connect(checker, monkeypatch) -> None:
    orig = net.Socket.connect

    def connect(self, *args, **kwargs):
        return orig(self, *args, **kwargs)

    monkeypatch.setattr(net.Socket, "connect", checker.must_call(connect))
    server = net.createServer()
    clients: list = []

    def on_listening() -> None:
        port = server.address().port
        client = track(clients, net.connect({"port": port}, checker.must_call(
            lambda: client.end())))
        client.on("end", checker.must_call(lambda: server.close()))

    server.listen(checker.must_call(on_listening))
    finish(checker, server, clients)
