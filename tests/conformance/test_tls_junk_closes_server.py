"""Port of test/parallel/test-tls-junk-closes-server.js (Node v20).

A plain client writing text to a TLS server is dropped: it gets 'end'.
"""

from __future__ import annotations

from pynet import net, run, tls
from tests.conformance._tls_fixtures import agent1, certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl


def test_junk_closes_server(checker, certs):  # noqa: F811
    server = tls.createServer(agent1(certs), checker.must_not_call())

    def on_listening():
        c = net.createConnection(server.address().port)
        c.on("connect", checker.must_call(lambda: c.write("blah\nblah\nblah\n")))
        c.on("end", checker.must_call(lambda: server.close()))
        c.on("error", lambda e: None)

    server.listen(0, checker.must_call(on_listening))
    run()
