"""Port of test/parallel/test-tls-generic-stream.js (Node v20).

tls.connect({socket: duplex}) and new TLSSocket(duplex, {isServer}) over the two sides of a
duplex pair (Node's JSStreamSocket): neither is connecting; after 'secureConnect' a write is
queued on the handle until its callback, when the server has read it.
"""

from __future__ import annotations

from pynet import run, stream, tls
from tests.conformance._tls_fixtures import certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl


def test_generic_stream(checker, certs):  # noqa: F811
    client_side, server_side = stream.duplexPair()
    client = tls.connect({"socket": client_side, "ca": [certs["ca-cert.pem"]],
                          "host": "localhost"})
    server = tls.TLSSocket(server_side, {"isServer": True, "key": certs["server-key.pem"],
                                         "cert": certs["server-cert.pem"],
                                         "ca": [certs["ca-cert.pem"]]})
    assert client.connecting is False
    assert server.connecting is False

    def on_secure():
        def written():
            assert bytes(server.read()).decode() == "foobar"
            assert client._handle.write_queue_size == 0
            client.destroy()
            server.destroy()

        client.write("foobar", checker.must_call(written))
        assert client._handle.write_queue_size > 0

    client.on("secureConnect", checker.must_call(on_secure))
    run()
