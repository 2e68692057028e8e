"""Port of test/parallel/test-net-server-max-connections-close-makes-more-available.js (Node v20).

With maxConnections = 1, closing the accepted connection frees the slot: of four clients
(0 accepted, 1 rejected, 0 closed, 2 accepted, 3 rejected) the server receives ['0', '2'].
"""

from __future__ import annotations

from pynet import net, run


def test_closing_a_connection_makes_room(checker):
    connections = {}
    received = []
    sent = []

    def create_connection(index, then):
        """Node's createConnection(index) promise: settles on data, end or ECONNRESET."""
        settled = []

        def resolve(*args):
            if not settled:
                settled.append(True)
                then()

        def on_connect():
            msg = str(index)
            connection.write(msg)
            sent.append(msg)

        connection = net.createConnection(server.address().port, on_connect)

        def on_error(err):
            assert err.code == "ECONNRESET"
            resolve()

        connection.on("error", on_error)
        connection.on("data", resolve)
        connection.on("end", resolve)
        connections[index] = connection

    def close_connection(index, then):
        connections[index].on("end", lambda: then())
        connections[index].end()

    def on_connection(socket):
        def on_data(data):
            received.append(data.decode())
            socket.write("acknowledged")

        socket.on("data", on_data)

    server = net.createServer(on_connection)
    server.maxConnections = 1

    def on_listening():
        # createConnection(0) → (1) → closeConnection(0) → (2) → (3) → server.close()
        # → closeConnection(2), each step once the previous one settled.
        create_connection(0, lambda: create_connection(1, lambda: close_connection(
            0, lambda: create_connection(2, lambda: create_connection(3, finish)))))

    def finish():
        server.close()
        close_connection(2, checker.must_call(lambda: None))

    server.listen(0, checker.must_call(on_listening))
    run()
    # All connections tried to send data...
    assert sent == ["0", "1", "2", "3"]
    # ...but only connections 0 and 2 got through.
    assert received == ["0", "2"]
