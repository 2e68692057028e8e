"""Port of test/parallel/test-tls-keylog-tlsv12.js (an older Node file; node v20.20.2 behaves the same).

With TLS 1.2 forced, the server and the client each emit 'keylog' exactly once (the
CLIENT_RANDOM line), as a bytes line.
"""

from __future__ import annotations

from pynet import run, tls
from tests.conformance._tls_fixtures import agent2, certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl


def test_keylog_tlsv12(checker, certs):  # noqa: F811
    server = tls.createServer(agent2(certs, minVersion="TLSv1.2", maxVersion="TLSv1.2"))
    lines: list[bytes] = []

    def on_listening():
        client = tls.connect({"port": server.address().port, "rejectUnauthorized": False})

        def verify(line, *_rest):
            assert isinstance(line, bytes)
            lines.append(line)

        server.on("keylog", checker.must_call(verify, 1))
        client.on("keylog", checker.must_call(verify, 1))

        def on_secure():
            server.close()
            client.end()

        client.once("secureConnect", on_secure)

    server.listen(checker.must_call(on_listening))
    run()
    assert [line.split(b" ")[0] for line in lines] == [b"CLIENT_RANDOM", b"CLIENT_RANDOM"]
