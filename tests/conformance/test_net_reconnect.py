"""Port of test/parallel/test-net-reconnect.js (Node v20).

One client Socket reconnects 50 times from its 'close' handler: 51 'data', 'end' and
'close' events, never hadError.
"""

from __future__ import annotations

from pynet import net, run

N = 50


def test_same_socket_reconnects_from_close(checker):
    counts = {"recv": 0, "end": 0, "disconnect": 0}

    def on_connection(socket):
        socket.resume()
        socket.write("hello\r\n")
        socket.on("end", lambda: socket.end())

        def on_close(had_error):
            assert had_error is False

        socket.on("close", checker.must_call(on_close))

    # Node checks the server-side 'close' with a plain listener; there are N + 1 of them.
    server = net.createServer(checker.must_call(on_connection, N + 1))

    def on_listening():
        client = net.createConnection(server.address().port)
        client.setEncoding("UTF8")
        client.on("connect", lambda: None)

        def on_data(chunk):
            counts["recv"] += 1
            assert chunk == "hello\r\n"
            client.end()

        client.on("data", on_data)

        def on_end():
            counts["end"] += 1

        client.on("end", on_end)

        def on_close(had_error):
            assert had_error is False
            counts["disconnect"] += 1
            if counts["disconnect"] <= N:
                client.connect(server.address().port)  # Reconnect.
            else:
                server.close()

        client.on("close", on_close)

    server.listen(0, checker.must_call(on_listening))
    run()
    assert counts["disconnect"] == N + 1
    assert counts["recv"] == N + 1
    assert counts["end"] == N + 1


def test_counters_restart_at_reconnect(checker):
    """Not in Node's file: right after connect() on a closed socket, bytesRead and
    bytesWritten are 0 again (Node makes the new handle inside connect()); checked on
    the installed node v20."""
    seen = []
    accepted = []

    def on_connection(socket):
        accepted.append(socket)
        socket.end("hello")

    server = net.createServer(on_connection)

    def on_listening():
        client = net.createConnection(server.address().port)
        client.on("connect", lambda: client.end("hi"))
        client.resume()

        def on_close():
            if not seen:
                assert client.bytesRead == 5
                assert client.bytesWritten == 2
                client.connect(server.address().port)
                seen.append((client.bytesRead, client.bytesWritten))
            else:
                server.close()

        client.on("close", checker.must_call(on_close, 2))

    server.listen(0, "127.0.0.1", on_listening)
    run()
    assert seen == [(0, 0)]
    # The server-side sockets never read the client's "hi", so they never see
    # 'end' and stay open; Node exits with them, the port closes them.
    for socket in accepted:
        socket.destroy()
    run()
