"""Port of test/parallel/test-net-write-after-close.js (Node v20).

The server writes after the client ended: the write callback gets an error, no 'error' event.
"""

from __future__ import annotations

import pytest

from pynet import net, run

pytestmark = pytest.mark.timeout(10)


def test_write_after_peer_closed(checker) -> None:
    server_socket: list[net.Socket] = []

    def on_connection(socket) -> None:
        server_socket.append(socket)
        socket.resume()
        socket.on("error", checker.must_not_call("server socket 'error'"))

    server = net.createServer(checker.must_call(on_connection))

    def on_listening() -> None:
        def on_connect() -> None:
            # client.end() closes both sides (allowHalfOpen defaults to False); 'end' comes
            # once the server's FIN arrives.
            def on_end() -> None:
                def on_write(err) -> None:
                    assert err
                    server.close()

                server_socket[0].write("test", checker.must_call(on_write))

            client.on("end", checker.must_call(on_end))
            client.end()

        client = net.connect(server.address().port, on_connect)

    server.listen(0, on_listening)
    run()
