"""Port of test/parallel/test-net-buffersize.js (Node v20).

Writes queued while connecting count in ``bufferSize`` one by one; it is 0 at 'finish'.
"""

from __future__ import annotations

from pynet import net
from tests.conformance.common import finish, track

ITER = 10


def test_buffersize_while_connecting(checker) -> None:
    clients: list = []
    def on_connection(socket) -> None:
        socket.on("readable", lambda: socket.read())
        socket.on("end", checker.must_call(lambda: server.close()))

    server = track(clients, net.createServer(checker.must_call(on_connection)))

    def on_listening() -> None:
        client = track(clients, net.connect(server.address().port))

        def on_finish() -> None:
            assert client.bufferSize == 0

        client.on("finish", checker.must_call(on_finish))
        for i in range(1, ITER):
            client.write("a")
            assert client.bufferSize == i
        client.end()

    server.listen(0, checker.must_call(on_listening))
    finish(checker, server, clients)
