"""Port of test/parallel/test-net-server-max-connections.js (Node v20).

20 clients, maxConnections 10: exactly 10 are accepted and get data; the other 10 are
closed by the server without data, and they are the first to close.
"""

from __future__ import annotations

from pynet import net, run

N = 20


def test_max_connections(checker):
    closes = [0]
    waits = []

    def on_connection(connection):
        connection.write("hello")
        waits.append(lambda: connection.end())

    server = net.createServer(checker.must_call(on_connection, N // 2))

    def make_connection(index):
        c = net.createConnection(server.address().port)
        got_data = [False]

        def on_connect():
            if index + 1 < N:
                make_connection(index + 1)

            def on_close():
                closes[0] += 1
                if closes[0] < N // 2:
                    assert server.maxConnections <= index, \
                        f"{index} should not have been one of the first closed connections"
                if closes[0] == N // 2:
                    while waits:
                        waits.pop(0)()
                    server.close()
                if index < server.maxConnections:
                    assert got_data[0] is True, f"{index} didn't get data, but should have"
                else:
                    assert got_data[0] is False, f"{index} got data, but shouldn't have"

            c.on("close", on_close)

        c.on("connect", checker.must_call(on_connect))
        c.on("end", lambda: c.end())

        def on_data(b):
            got_data[0] = True
            assert len(b) > 0

        c.on("data", on_data)
        c.on("error", lambda e: None)  # Node only logs it (and retries on SmartOS).

    server.listen(0, lambda: make_connection(0))
    server.maxConnections = N // 2
    run()
    assert closes[0] == N
