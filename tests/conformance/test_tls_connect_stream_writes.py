"""Port of test/parallel/test-tls-connect-stream-writes.js (Node v20).

tls.connect({socket: p}) where p is a hand-written stream.Duplex reading from and writing
to a net.Socket (Node's JSStreamSocket): fifty writes made in the secure-connect callback,
then end(), all reach the TLS server in order.
"""

from __future__ import annotations

from pynet import net, run, stream, tls
from tests.conformance._tls_fixtures import agent1, certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl

CONTENT = "hello world"


def test_connect_stream_writes(checker, certs):  # noqa: F811
    recv_bufs = []
    send_data = []

    def on_secure_connection(s):
        s.on("data", lambda c: recv_bufs.append(bytes(c)))

    server = tls.createServer(agent1(certs, ciphers="AES256-GCM-SHA384"),
                              on_secure_connection)

    def on_listening():
        raw = net.connect(server.address().port)
        pending = [False]

        def read(*_):
            pending[0] = False
            chunk = raw.read()
            if chunk:
                p.push(chunk)
            else:
                pending[0] = True

        def write(data, enc, cb):
            raw.write(data, enc, cb)

        raw.on("readable", lambda: read() if pending[0] else None)
        p = stream.Duplex({"read": read, "write": write})

        def on_secure():
            for _ in range(50):
                socket.write(CONTENT)
                send_data.append(CONTENT)
            socket.end()
            server.close()

        socket = tls.connect({"socket": p, "rejectUnauthorized": False},
                             checker.must_call(on_secure))

    server.listen(0, checker.must_call(on_listening))
    run()
    assert b"".join(recv_bufs).decode() == "".join(send_data)
    assert len(send_data) == 50
