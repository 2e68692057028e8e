"""Port of test/parallel/test-tls-on-empty-socket.js (Node v20).

tls.connect({socket}) over a net.Socket that connects afterwards gets the server's data
and 'end'.
"""

from __future__ import annotations

from pynet import net, run, tls
from tests.conformance._tls_fixtures import agent1, certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl


def test_on_empty_socket(checker, certs):  # noqa: F811
    out = []
    server = tls.createServer(agent1(certs), lambda c: c.end("hello"))

    def on_listening():
        socket = net.Socket()

        def on_secure():
            s.on("data", out.append)

            def on_end():
                s.destroy()
                server.close()

            s.on("end", checker.must_call(on_end))

        s = tls.connect({"socket": socket, "rejectUnauthorized": False},
                        checker.must_call(on_secure))
        socket.connect(server.address().port)

    server.listen(0, on_listening)
    run()
    assert b"".join(out) == b"hello"
