"""Port of test/parallel/test-net-socket-byteswritten.js (Node v20).

cork(), two writes (3 + 4 UTF-8 bytes) and uncork() while connecting: bytesWritten is 7
at once, at 'connect' and at 'end' (the writev is counted once).
"""

from __future__ import annotations

from pynet import net, run


def test_bytes_written_counts_corked_writes_once(checker):
    accepted = []

    def on_connection(socket):
        accepted.append(socket)
        socket.end()

    server = net.createServer(on_connection)

    def on_listening():
        socket = net.connect(server.address().port)
        # Cork, then write twice: a writev, which once miscounted bytesWritten.
        socket.cork()
        socket.write("one")
        socket.write("twø".encode())
        socket.uncork()
        # one = 3 bytes, twø = 4 bytes.
        assert socket.bytesWritten == 3 + 4

        def on_connect():
            assert socket.bytesWritten == 3 + 4

        def on_end():
            assert socket.bytesWritten == 3 + 4
            server.close()

        socket.on("connect", checker.must_call(on_connect))
        socket.on("end", checker.must_call(on_end))

    server.listen(0, checker.must_call(on_listening))
    run()
    # The accepted socket never reads the client's bytes, so it never gets 'end' or
    # 'close' (the same on the installed node, which exits because libuv stops polling
    # a stream at EOF).  The port then destroys it so that nothing leaks.
    assert not accepted[0].destroyed
    accepted[0].destroy()
    run()
