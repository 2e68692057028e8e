"""Port of test/parallel/test-tls-streamwrap-buffersize.js (Node v20).

bufferSize of a TLS client over a duplex pair piped to a net.Socket (Node's
JSStreamSocket/StreamWrap): each write before the first completes adds its length; the
server reads them all; 'end' comes, and at 'close' bufferSize is undefined (no handle).
Checked under node v20.20.2: at 'end' the handle is still there (bufferSize 0), it goes
in the destroy that follows 'end'.
"""

from __future__ import annotations

from pynet import net, run, stream, tls
from tests.conformance._tls_fixtures import agent2, certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl

ITER = 10


def _run(checker, certs):  # noqa: F811
    seen = []
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
                client.on("end", checker.must_call(
                    lambda: seen.append(("end", client.bufferSize))))
                client.on("close", checker.must_call(
                    lambda *a: seen.append(("close", client.bufferSize))))
                client.end()

            client = tls.connect({"socket": socket, "rejectUnauthorized": False},
                                 checker.must_call(on_secure))

        create_duplex(server.address().port, with_socket)

    server.listen(0, checker.must_call(on_listening))
    run()
    return seen


def test_streamwrap_buffersize(checker, certs):  # noqa: F811
    # Node v20: 'end' with bufferSize 0, then 'close' with bufferSize undefined.
    assert _run(checker, certs) == [("end", 0), ("close", None)]
