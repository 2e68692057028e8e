"""Port of test/parallel/test-tls-net-socket-keepalive.js (Node v20).

tls.connect over a net.Socket with allowHalfOpen, connected afterwards, does not hang:
data both ways, 'end', then 'close'.
"""

from __future__ import annotations

from pynet import net, run, tls
from tests.conformance._tls_fixtures import agent1, certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl


def test_net_socket_keepalive(checker, certs):  # noqa: F811
    def on_connection(conn):
        conn.write("hello")
        conn.on("data", checker.must_call(lambda d: None))
        conn.end()

    server = tls.createServer(agent1(certs, ca=[certs["ca-cert.pem"]]),
                              checker.must_call(on_connection))

    def on_listening():
        net_socket = net.Socket({"allowHalfOpen": True})
        socket = tls.connect({"socket": net_socket, "rejectUnauthorized": False})
        address = server.address()
        net_socket.connect({"port": address.port, "address": address.address})
        socket.on("end", checker.must_call(lambda: None))
        socket.on("data", checker.must_call(lambda d: None))
        socket.on("close", checker.must_call(lambda: server.close()))
        socket.write("hello")
        socket.end()

    server.listen(0, checker.must_call(on_listening))
    run()
