"""Port of test/parallel/test-net-connect-options-path.js (Node v20).

Twelve call styles (connect / createConnection / Socket().connect, with a path string or
``{path}``, with or without a callback; each client resumed) all reach the same Unix server.
"""

from __future__ import annotations

import pytest

from pynet import net, run

pytestmark = pytest.mark.timeout(10)

CLIENT_VARIANTS = 12


def test_connect_options_path(tmp_path, checker):
    server_path = str(tmp_path / "pipe-server")
    counter = 0
    server = net.createServer()

    def on_connection(socket):
        socket.end("ok")

    server.on("connection", checker.must_call(on_connection, CLIENT_VARIANTS))

    def on_listening():
        def variant(make):
            # Node's connect callback gets the socket as ``this``; keep it in a cell.
            cell = []

            def on_connect():
                client = cell[0]
                client.end()

                def on_close():
                    nonlocal counter
                    counter += 1
                    if counter == CLIENT_VARIANTS:
                        server.close()

                client.on("close", checker.must_call(on_close))

            cell.append(make(checker.must_call(on_connect)).resume())

        # CLIENT_VARIANTS depends on the following code.
        variant(lambda cb: net.connect(server_path, cb))
        variant(lambda cb: net.connect(server_path).on("connect", cb))
        variant(lambda cb: net.createConnection(server_path, cb))
        variant(lambda cb: net.createConnection(server_path).on("connect", cb))
        variant(lambda cb: net.Socket().connect(server_path, cb))
        variant(lambda cb: net.Socket().connect(server_path).on("connect", cb))
        variant(lambda cb: net.connect({"path": server_path}, cb))
        variant(lambda cb: net.connect({"path": server_path}).on("connect", cb))
        variant(lambda cb: net.createConnection({"path": server_path}, cb))
        variant(lambda cb: net.createConnection({"path": server_path}).on("connect", cb))
        variant(lambda cb: net.Socket().connect({"path": server_path}, cb))
        variant(lambda cb: net.Socket().connect({"path": server_path}).on("connect", cb))

    server.listen(server_path, checker.must_call(on_listening))
    run()
    assert counter == CLIENT_VARIANTS
