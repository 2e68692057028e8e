"""Port of test/parallel/test-tls-socket-snicallback-without-server.js (Node v20).

A server-side ``new tls.TLSSocket(serverSide, {isServer: true, SNICallback})`` over one end
of a duplex pair, with no tls.Server: a ClientHello written to the other end reaches the
SNICallback with its server name (the callback never answers, so nothing more happens).

# Discussion: Node writes a captured browser ClientHello for www.google.com
# (fixtures/google_ssl_hello.bin); the port produces an equivalent one with Python's ssl
# module over memory BIOs (server_hostname='www.google.com').
"""

from __future__ import annotations

import ssl

from pynet import run, stream, tls
from tests.conformance._tls_fixtures import needs_openssl

pytestmark = needs_openssl


def _client_hello(servername: str) -> bytes:
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    incoming, outgoing = ssl.MemoryBIO(), ssl.MemoryBIO()
    obj = ctx.wrap_bio(incoming, outgoing, server_hostname=servername)
    try:
        obj.do_handshake()
    except ssl.SSLWantReadError:
        pass
    return outgoing.read()


def test_socket_snicallback_without_server(checker):
    client_side, server_side = stream.duplexPair()
    seen = []

    def sni_callback(servername, cb):
        seen.append(servername)
        assert servername == "www.google.com"

    tls.TLSSocket(server_side, {"isServer": True,
                                "SNICallback": checker.must_call(sni_callback)})
    client_side.write(_client_hello("www.google.com"))
    run()
    assert seen == ["www.google.com"]
