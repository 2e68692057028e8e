"""Port of test/parallel/test-tls-socket-constructor-alpn-options-parsing.js (Node v20).

TLSSocket takes a list of strings as ALPNProtocols, also with no socket (null); a
server-side TLSSocket wrapping a net socket negotiates 'http/1.1' with a client offering
['h2', 'http/1.1'].
"""

from __future__ import annotations

from pynet import net, run, tls
from tests.conformance._tls_fixtures import agent1, certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl


def test_socket_constructor_alpn_options_parsing(checker, certs):  # noqa: F811
    tls.TLSSocket(None, {"ALPNProtocols": ["http/1.1"]})

    def on_connection(s):
        tls_socket = tls.TLSSocket(s, agent1(certs, isServer=True, server=server,
                                             ALPNProtocols=["http/1.1"]))

        def on_secure():
            assert tls_socket.alpnProtocol == "http/1.1"
            tls_socket.end()
            server.close()

        tls_socket.on("secure", checker.must_call(on_secure))

    server = net.createServer(checker.must_call(on_connection))

    def on_listening():
        alpn_opts = {"port": server.address().port, "rejectUnauthorized": False,
                     "ALPNProtocols": ["h2", "http/1.1"]}
        client = tls.connect(alpn_opts, checker.must_call(lambda: client.end()))

    server.listen(0, checker.must_call(on_listening))
    run()
