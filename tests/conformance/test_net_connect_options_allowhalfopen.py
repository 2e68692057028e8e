"""Port of test/parallel/test-net-connect-options-allowhalfopen.js (Node v20).

With allowHalfOpen, a client that got the server's FIN is no longer readable but still writable, in all six ways to connect.
"""

from __future__ import annotations

from pynet import net, run
from pynet.timers import setTimeout

CLIENT_VARIANTS = 6
HOST = "127.0.0.1"


def test_allow_half_open_client(checker) -> None:
    counts = {"client_received_fin": 0, "server_connections": 0, "client_sent_fin": 0,
              "server_received_fin": 0}

    def server_on_connection(socket) -> None:
        counts["server_connections"] += 1
        socket.resume()

        def on_data(data) -> None:
            socket.clientId = data.decode()

        socket.on("data", checker.must_call(on_data))

        def on_end() -> None:
            # 'end' on each socket must not be emitted twice.
            counts["server_received_fin"] += 1
            if counts["server_received_fin"] < CLIENT_VARIANTS:
                return
            setTimeout(lambda: server.close(), 50)

        socket.on("end", checker.must_call(on_end, 1))
        socket.end()

    def client_on_connect(index: int):
        def on_connect(client) -> None:
            client.resume()

            def on_end() -> None:
                def later() -> None:
                    # With allowHalfOpen the client must still be writable after the
                    # server closed its side, but not readable.
                    assert not client.readable
                    assert client.writable
                    assert client.write(str(index))
                    client.end()
                    counts["client_sent_fin"] += 1
                setTimeout(later, 50)

            def on_close() -> None:
                counts["client_received_fin"] += 1

            client.on("end", checker.must_call(on_end))
            client.on("close", checker.must_call(on_close))
        return on_connect

    def server_on_listen() -> None:
        port = server.address().port
        opts = {"allowHalfOpen": True, "host": HOST, "port": port}
        # Node's listeners get the socket as `this`; here it is passed in.
        clients: list = []

        def cb(index: int):
            handler = client_on_connect(index)
            return checker.must_call(lambda: handler(clients[index - 1]))

        clients.append(net.connect(opts, cb(1)))
        clients.append(net.connect(opts))
        clients[-1].on("connect", cb(2))
        clients.append(net.createConnection(opts, cb(3)))
        clients.append(net.createConnection(opts))
        clients[-1].on("connect", cb(4))
        clients.append(net.Socket(opts).connect(opts, cb(5)))
        clients.append(net.Socket(opts).connect(opts))
        clients[-1].on("connect", cb(6))

    server = net.createServer({"allowHalfOpen": True})
    server.on("connection", checker.must_call(server_on_connection, CLIENT_VARIANTS))
    server.on("close", checker.must_call())
    server.listen(0, HOST, checker.must_call(server_on_listen))
    run()
    assert counts == {"client_received_fin": 6, "server_connections": 6, "client_sent_fin": 6,
                      "server_received_fin": 6}
