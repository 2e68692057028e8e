"""Port of test/parallel/test-tls-client-destroy-soon.js (Node v20).

end(big) then destroySoon() on the server: the client still reads all 2 MiB via
'readable'/read() before 'end'.
"""

from __future__ import annotations

from pynet import run, tls
from tests.conformance._tls_fixtures import agent2, certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl

BIG = b"Y" * (2 * 1024 * 1024)


def test_destroy_soon(checker, certs):  # noqa: F811
    def on_secure(socket):
        socket.end(BIG)
        socket.destroySoon()

    server = tls.createServer(agent2(certs), checker.must_call(on_secure))

    def on_listening():
        def on_connect():
            read = [0]

            def on_readable():
                d = client.read()
                if d:
                    read[0] += len(d)

            def on_end():
                server.close()
                assert read[0] == len(BIG)

            client.on("readable", on_readable)
            client.on("end", checker.must_call(on_end))

        client = tls.connect({"port": server.address().port, "rejectUnauthorized": False},
                             checker.must_call(on_connect))

    server.listen(0, checker.must_call(on_listening))
    run()
