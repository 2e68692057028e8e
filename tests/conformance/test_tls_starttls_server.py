"""Port of test/parallel/test-tls-starttls-server.js (Node v20).

A server-side TLSSocket over a net.Server's socket (server set to the net.Server) calls
its SNICallback with the client's name and, answered with no context, finishes the
handshake with its own.  Node's client also sets requestOCSP, which Python's ssl cannot
do (porting guide): left out.
"""

from __future__ import annotations

from pynet import net, run, tls
from tests.conformance._tls_fixtures import agent1, certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl


def test_starttls_server(checker, certs):  # noqa: F811
    def on_connection(s):
        def sni(hostname, callback):
            assert hostname == "test.test"
            callback(None, None)

        tls_socket = tls.TLSSocket(s, {"isServer": True, "server": server,
                                       "secureContext": tls.createSecureContext(agent1(certs)),
                                       "SNICallback": checker.must_call(sni)})

        def on_secure():
            tls_socket.end()
            server.close()

        tls_socket.on("secure", checker.must_call(on_secure))

    server = net.createServer(checker.must_call(on_connection))

    def on_listening():
        c = tls.connect({"servername": "test.test", "port": server.address().port,
                         "rejectUnauthorized": False}, lambda: c.end())
        c.resume()

    server.listen(0, on_listening)
    run()
