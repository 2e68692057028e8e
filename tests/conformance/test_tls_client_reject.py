"""Port of test/parallel/test-tls-client-reject.js (Node v20).

Against a self-signed server: with rejectUnauthorized false the client connects
unauthorized and gets its data echoed; with the default it gets 'error' and no data or
connect callback; with the certificate as its CA it connects authorized.
"""

from __future__ import annotations

from pynet import run, tls
from tests.conformance._tls_fixtures import agent2, certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl


def test_client_reject(checker, certs):  # noqa: F811
    def on_connection(socket):
        socket.pipe(socket)
        socket.on("end", lambda: socket.end())

    server = tls.createServer(agent2(certs), on_connection)
    port = [0]

    def unauthorized():
        def on_secure():
            assert not socket.authorized
            socket.on("data", checker.must_call(lambda data: data == b"ok" or 1 / 0))
            socket.on("end", lambda: reject_unauthorized())

        socket = tls.connect({"port": port[0], "servername": "localhost",
                              "rejectUnauthorized": False}, checker.must_call(on_secure))
        socket.on("error", checker.must_not_call())
        socket.end("ok")

    def reject_unauthorized():
        socket = tls.connect(port[0], {"servername": "localhost"}, checker.must_not_call())
        socket.on("data", checker.must_not_call())
        socket.on("error", checker.must_call(lambda err: authorized()))
        socket.end("ng")

    def authorized():
        def on_secure():
            assert socket.authorized
            socket.on("data", checker.must_call(lambda data: data == b"ok" or 1 / 0))
            socket.on("end", lambda: server.close())

        socket = tls.connect(port[0], {"ca": [certs["self-cert.pem"]],
                                       "servername": "localhost"},
                             checker.must_call(on_secure))
        socket.on("error", checker.must_not_call())
        socket.end("ok")

    def on_listening():
        port[0] = server.address().port
        unauthorized()

    server.listen(0, checker.must_call(on_listening))
    run()
