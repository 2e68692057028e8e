"""Port of test/parallel/test-net-socket-close-after-end.js (Node v20).

'close' comes only after 'end', even when the data before the FIN is read 100 ms late.
"""

from __future__ import annotations

from pynet import net, run
from pynet.timers import setTimeout


def test_close_only_after_end(checker):
    server = net.createServer()
    clients = []

    def on_connection(socket):
        end_emitted = [False]

        socket.once("readable", checker.must_call(
            lambda: setTimeout(lambda: socket.read(), 100)))

        def on_end():
            end_emitted[0] = True

        socket.on("end", on_end)

        def on_close():
            assert end_emitted[0]
            server.close()

        socket.on("close", checker.must_call(on_close))
        socket.end("foo")

    server.on("connection", on_connection)

    def on_listening():
        def on_connect():
            socket.end("foo")

        socket = net.createConnection(server.address().port, on_connect)
        clients.append(socket)

    server.listen(checker.must_call(on_listening))
    run()
    # Node's client never reads what the server sent, so it never gets 'end' or
    # 'close'; the process exits anyway because libuv stops polling a stream at EOF
    # (checked on the installed node).  The port then destroys it so nothing leaks.
    assert not clients[0].destroyed
    clients[0].destroy()
    run()
