"""Port of test/parallel/test-net-allow-half-open.js (Node v20).

With the default allowHalfOpen=false a peer FIN auto-ends the socket without destroying it early.
"""

from __future__ import annotations

from pynet import net, run
from pynet.process import nextTick
from pynet.timers import clearTimeout, setTimeout


def test_default_allow_half_open_auto_end(checker) -> None:
    server = net.createServer(checker.must_call(lambda socket: socket.end(bytes(1024))))

    def on_listening() -> None:
        socket = net.connect(server.address().port)
        assert socket.allowHalfOpen is False
        socket.resume()

        def on_end() -> None:
            def later() -> None:
                # Not destroyed straight away without a proper shutdown.
                assert not socket.destroyed
                server.close()
            nextTick(later)

        def on_finish() -> None:
            assert not socket.destroyed

        socket.on("end", checker.must_call(on_end))
        socket.on("finish", checker.must_call(on_finish))
        socket.on("close", checker.must_call())

    server.listen(0, checker.must_call(on_listening))
    run()


def test_not_destroyed_after_end_and_write(checker) -> None:
    server_sockets: list = []

    def on_connection(socket) -> None:
        server_sockets.append(socket)
        socket.end(bytes(1024))

    server = net.createServer(checker.must_call(on_connection))

    def on_listening() -> None:
        socket = net.connect(server.address().port)
        assert socket.allowHalfOpen is False
        socket.resume()

        def on_end() -> None:
            assert not socket.destroyed

        def on_finish() -> None:
            assert not socket.destroyed

        socket.on("end", checker.must_call(on_end))
        socket.end("asd")
        socket.on("finish", checker.must_call(on_finish))
        socket.on("close", checker.must_call(lambda: server.close()))

    server.listen(0, checker.must_call(on_listening))

    # The server side never reads the client's 'asd', so it never emits 'end' nor
    # closes (in Node too); Node's process still exits.  This unref'd guard only
    # fires if the loop is kept alive by that socket.
    stuck: list[bool] = []

    def unstick() -> None:
        stuck.append(True)
        for s in server_sockets:
            s.destroy()

    guard = setTimeout(unstick, 2000)
    guard.unref()
    run()
    clearTimeout(guard)
    for s in server_sockets:  # Node leaves it to process exit; we must not leak the fd.
        s.destroy()
    run()
    assert not stuck, "run() did not return although only an ended, idle socket was left"
