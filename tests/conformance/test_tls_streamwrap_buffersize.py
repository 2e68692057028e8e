"""Port of test/parallel/test-tls-streamwrap-buffersize.js (Node v20).

bufferSize of a TLS client over a duplex pair piped to a net.Socket (Node's
JSStreamSocket/StreamWrap): each write before the first completes adds its length; the
server reads them all, and at the client's 'close' bufferSize is undefined (no handle).
"""

from __future__ import annotations

from pynet import net, run, stream, tls
from tests.conformance._tls_fixtures import agent2, certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl

ITER = 10


def test_streamwrap_buffersize(checker, certs):  # noqa: F811
    def on_secure_connection(socket):
        received = []
        socket.setEncoding("utf-8")
        socket.on("data", lambda chunk: received.append(chunk))

        def on_end():
            assert "".join(received) == "a" * (ITER - 1)
            server.close()

        socket.on("end", checker.must_call(on_end))

    server = tls.createServer(agent2(certs), checker.must_call(on_secure_connection))

    def create_duplex(port, then):
        client_side, server_side = stream.duplexPair()

        def on_connect():
            client_side.pipe(socket)
            socket.pipe(client_side)
            client_side.on("close", checker.must_call(lambda *a: socket.destroy()))
            socket.on("close", checker.must_call(lambda *a: client_side.destroy()))
            then(server_side)

        socket = net.connect({"port": port}, checker.must_call(on_connect))

    def on_listening():
        def with_socket(socket):
            def on_secure():
                assert client.bufferSize == 0
                for i in range(1, ITER):
                    client.write("a")
                    assert client.bufferSize == i
                def on_end():
                    # Not in the original: Node v20 still has the handle at 'end' (0).
                    assert client.bufferSize == 0

                client.on("end", checker.must_call(on_end))

                def on_close():
                    assert client.bufferSize is None  # Node's undefined: no handle

                client.on("close", checker.must_call(on_close))
                client.end()

            client = tls.connect({"socket": socket, "rejectUnauthorized": False},
                                 checker.must_call(on_secure))

        create_duplex(server.address().port, with_socket)

    server.listen(0, checker.must_call(on_listening))
    run()
