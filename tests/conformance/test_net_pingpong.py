"""Port of test/parallel/test-net-pingpong.js (Node v20).

1000 PING/PONG round trips over a Unix socket, TCP, 'localhost' and ::1 with allowHalfOpen;
readable/writable flags, bufferSize, getConnections and the half-close sequence.
"""

from __future__ import annotations

from pynet import net, run
from tests.conformance.common import has_ipv6

N = 1000


def ping_pong_test(checker, port, host=None):
    state = {"count": 0, "sent_pongs": 0, "sent_final_ping": False, "port": port}

    def on_socket(socket):
        assert socket.server is server

        def on_connections(err, connections):
            assert err is None
            assert connections == 1

        assert server.getConnections(checker.must_call(on_connections)) is server

        socket.setNoDelay()
        socket.timeout = 0  # A plain data property in Node.
        socket.setEncoding("utf8")

        def on_data(data):
            # We never queue data (always waiting for the PING before sending a PONG),
            # so the write queue is always below one message.
            assert 0 <= socket.bufferSize <= 4
            assert socket.writable is True
            assert socket.readable is True
            assert state["count"] <= N
            assert data == "PING"

            # Node wraps each write callback in mustCall; the count is checked at the
            # client's 'close' (sent_pongs == N + 1), without a wrapper per write.
            def on_written(err=None):
                assert err is None
                state["sent_pongs"] += 1

            socket.write("PONG", on_written)

        socket.on("data", checker.must_call(on_data, N + 1))

        def on_end():
            assert socket.allowHalfOpen is True
            assert socket.writable is True  # Because allowHalfOpen.
            assert socket.readable is False
            socket.end()

        socket.on("end", checker.must_call(on_end))
        socket.on("error", checker.must_not_call("server socket error"))

        def on_close():
            assert socket.writable is False
            assert socket.readable is False
            socket.server.close()

        socket.on("close", checker.must_call(on_close))

    server = net.createServer({"allowHalfOpen": True}, checker.must_call(on_socket))

    def on_listening():
        address = server.address()
        if not isinstance(address, str) and address["port"]:
            state["port"] = address["port"]
        client = net.createConnection(state["port"], host)
        client.setEncoding("ascii")

        def on_connect():
            assert client.readable is True
            assert client.writable is True
            client.write("PING")

        client.on("connect", checker.must_call(on_connect))

        def on_data(data):
            assert data == "PONG"
            state["count"] += 1
            if state["sent_final_ping"]:
                assert client.writable is False
                assert client.readable is True
                return
            assert client.writable is True
            assert client.readable is True
            if state["count"] < N:
                client.write("PING")
            else:
                state["sent_final_ping"] = True
                client.write("PING")
                client.end()

        client.on("data", checker.must_call(on_data, N + 1))

        def on_close():
            assert state["count"] == N + 1
            assert state["sent_pongs"] == N + 1
            assert state["sent_final_ping"] is True

        client.on("close", checker.must_call(on_close))
        client.on("error", checker.must_not_call("client error"))

    server.listen(port, host, checker.must_call(on_listening))


def test_pingpong_all_transports_at_once(checker, tmp_path):
    # All four run at once, as in Node.
    ping_pong_test(checker, str(tmp_path / "pp.sock"))
    ping_pong_test(checker, 0)
    ping_pong_test(checker, 0, "localhost")
    if has_ipv6():
        ping_pong_test(checker, 0, "::1")
    run()

