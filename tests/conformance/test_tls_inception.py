"""Port of test/parallel/test-tls-inception.js (Node v20).

TLS inside TLS: a client speaks TLS to a target server through a TLS proxy, over its
own TLS socket (tls.connect({socket: tlsSocket})); the 400,000-byte body arrives whole.
"""

from __future__ import annotations

from pynet import net, run, tls
from tests.conformance._tls_fixtures import agent1, certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl

BODY = "A" * 400000


def test_inception(checker, certs):  # noqa: F811
    def on_proxy(socket):
        dest = net.connect({"host": "127.0.0.1", "port": b.address().port})
        dest.pipe(socket)
        socket.pipe(dest)
        dest.on("end", lambda: socket.destroy())

    a = tls.createServer(agent1(certs), on_proxy)
    b = tls.createServer(agent1(certs), lambda socket: socket.end(BODY))

    def on_listening():
        socket = tls.connect({"host": "127.0.0.1", "port": a.address().port,
                              "rejectUnauthorized": False})
        ssl = tls.connect({"socket": socket, "rejectUnauthorized": False})
        ssl.setEncoding("utf8")
        buf = []
        ssl.on("data", buf.append)

        def on_end():
            assert "".join(buf) == BODY
            ssl.end()
            a.close()
            b.close()

        ssl.on("end", checker.must_call(on_end))

    a.listen(0, lambda: b.listen(0, on_listening))
    run()
