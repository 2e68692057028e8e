"""Port of test/parallel/test-tls-keylog-tlsv13.js (Node v20).

With TLS 1.3 forced, the server emits 'keylog' five times with (line: bytes, tlsSocket),
and the client socket five times with the line.
"""

from __future__ import annotations

from pynet import run, tls
from tests.conformance._tls_fixtures import agent2, certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl


def test_keylog_tlsv13(checker, certs):  # noqa: F811
    server = tls.createServer(agent2(certs, minVersion="TLSv1.3", maxVersion="TLSv1.3"))

    def on_listening():
        client = tls.connect({"port": server.address().port, "rejectUnauthorized": False})

        def on_server_keylog(line, sock):
            assert isinstance(line, bytes)
            assert sock.encrypted is True

        server.on("keylog", checker.must_call(on_server_keylog, 5))
        client.on("keylog", checker.must_call(lambda line: isinstance(line, bytes) or 1 / 0, 5))

        def on_secure():
            server.close()
            client.end()

        client.once("secureConnect", on_secure)

    server.listen(checker.must_call(on_listening))
    run()
