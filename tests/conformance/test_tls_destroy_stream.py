"""Port of test/parallel/test-tls-destroy-stream.js (Node v20).

A net server hands each connection to a TLS server as one side of a duplex pair
(``tlsServer.emit('connection', duplex)``, Node's JSStreamSocket); the TLS server socket
writes and destroys at once: the wrapped stream is destroyed too, so the pair, the TCP
connection and the client all emit 'close' (a StreamWrap emits 'end' and 'close' when the
peer destroys instead of ending).
"""

from __future__ import annotations

from pynet import net, run, stream, tls
from pynet.process import nextTick
from tests.conformance._tls_fixtures import certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl

CONTENT = "Hello World"


def test_destroy_stream(checker, certs):  # noqa: F811
    def on_secure_connection(socket):
        socket.on("close", checker.must_call())
        socket.write(CONTENT)
        socket.destroy()

        def on_error(err):
            if getattr(err, "code", None) == "ERR_STREAM_DESTROYED":
                return
            raise err

        socket.on("error", on_error)

    tls_server = tls.createServer({"key": certs["server-key.pem"],
                                   "cert": certs["server-cert.pem"],
                                   "ca": [certs["ca-cert.pem"]],
                                   "maxVersion": "TLSv1.3"},
                                  checker.must_call(on_secure_connection))

    def on_connection(conn):
        conn.on("error", checker.must_not_call())

        def on_data(chunk):
            client_side, server_side = stream.duplexPair()
            server_side.on("close", checker.must_call(lambda *a: conn.destroy()))
            client_side.pipe(conn)
            conn.pipe(client_side)
            conn.on("close", checker.must_call(lambda *a: client_side.destroy()))
            client_side.on("close", checker.must_call(lambda *a: conn.destroy()))
            nextTick(lambda: conn.unshift(chunk))
            tls_server.emit("connection", server_side)

        conn.once("data", checker.must_call(on_data))

    server = net.createServer(checker.must_call(on_connection))

    def on_listening():
        port = server.address().port

        def on_connect():
            def on_data(data):
                assert bytes(data).decode() == CONTENT

            conn.on("data", on_data)
            conn.on("error", checker.must_not_call())
            conn.on("close", checker.must_call(lambda *a: server.close()))

        conn = tls.connect({"port": port, "rejectUnauthorized": False},
                           checker.must_call(on_connect))

    server.listen(0, checker.must_call(on_listening))
    run()
