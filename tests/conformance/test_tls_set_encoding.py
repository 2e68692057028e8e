"""Port of test/parallel/test-tls-set-encoding.js (Node v20).

setEncoding('utf8') on a TLS client gives str chunks; at 'close' readyState is 'closed'.
"""

from __future__ import annotations

from pynet import run, tls
from tests.conformance._tls_fixtures import agent2, certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl

MESSAGE = "hello world\n"


def test_set_encoding(checker, certs):  # noqa: F811
    connections = [0]

    def on_secure(socket):
        socket.end(MESSAGE)
        connections[0] += 1

    server = tls.Server(agent2(certs), on_secure)

    def on_listening():
        client = tls.connect({"port": server.address().port, "rejectUnauthorized": False})
        buffer = []
        client.setEncoding("utf8")

        def on_data(d):
            assert isinstance(d, str)
            buffer.append(d)

        def on_close():
            assert client.readyState == "closed"
            assert "".join(buffer) == MESSAGE
            server.close()

        client.on("data", on_data)
        client.on("close", checker.must_call(on_close))

    server.listen(0, on_listening)
    run()
    assert connections[0] == 1
