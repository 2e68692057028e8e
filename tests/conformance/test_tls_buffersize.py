"""Port of test/parallel/test-tls-buffersize.js (Node v20).

TLS writes complete asynchronously: each write('a') after the first in the same tick
is buffered, so bufferSize counts 1, 2, … 9; it is 0 again at 'finish'.  (Node's newer
test adds a per-write overhead; Node v20 counts the bytes only, as checked on node.)
"""

from __future__ import annotations

from pynet import run, tls
from tests.conformance._tls_fixtures import agent2, certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl

ITER = 10


def test_buffersize(checker, certs):  # noqa: F811
    def on_secure(socket):
        socket.on("readable", lambda: socket.read())
        socket.on("end", checker.must_call(lambda: server.close()))

    server = tls.createServer(agent2(certs), checker.must_call(on_secure))

    def on_listening():
        def on_connect():
            assert client.bufferSize == 0
            for i in range(1, ITER):
                client.write("a")
                assert client.bufferSize == i

            def on_finish():
                assert client.bufferSize == 0

            client.on("finish", checker.must_call(on_finish))
            client.end()

        client = tls.connect({"port": server.address().port, "rejectUnauthorized": False},
                             checker.must_call(on_connect))

    server.listen(0, checker.must_call(on_listening))
    run()
