"""Port of test/parallel/test-tls-socket-default-options.js (Node v20).

A TLSSocket made directly (new TLSSocket(None, options).connect(port)) verifies nothing by
itself: it emits 'connect' and 'secure' but never 'secureConnect', sets no
authorized/authorizationError, and the server gets its data; its own options (ca) or an
explicit secureContext (whose settings win over ca) decide what it trusts.  Node's test
reads the verification result through the internal socket.ssl.verifyError(): not ported.
"""

from __future__ import annotations

import pytest

from pynet import run, tls
from tests.conformance._tls_fixtures import certs, needs_openssl, tls_connect  # noqa: F401

pytestmark = needs_openssl

CLIENTS = ["undefined", "empty", "secureContext with ca", "ca", "secureContext and ca"]


@pytest.mark.parametrize("name", CLIENTS)
def test_socket_default_options(checker, certs, name):  # noqa: F811
    client = {
        "undefined": None,
        "empty": {},
        "secureContext with ca": {"secureContext": tls.createSecureContext(
            {"ca": certs["ca-cert.pem"]})},
        "ca": {"ca": certs["ca-cert.pem"]},
        "secureContext and ca": {"secureContext": tls.createSecureContext(),
                                 "ca": certs["ca-cert.pem"]},
    }[name]

    def on_pair(err, pair, cleanup):
        assert str(err) == "unable to verify the first certificate"
        recv = []

        def on_secure_connection(conn):
            conn.on("data", recv.append)

            def on_end():
                assert b"".join(recv) == b"hello"
                cleanup()

            conn.on("end", checker.must_call(on_end))

        pair["server"]["server"].once("secureConnection",
                                      checker.must_call(on_secure_connection))
        sock = tls.TLSSocket(None, client)
        sock.connect(pair["server"]["server"].address().port)
        sock.on("connect", checker.must_call(lambda: sock.end("hello")))
        sock.on("secureConnect", checker.must_not_call())

        def on_secure():
            assert sock.authorized is False and sock.authorizationError is None
            sock.resume()

        sock.on("secure", checker.must_call(on_secure))

    tls_connect(checker, {"server": {"key": certs["server-key.pem"],
                                     "cert": certs["server-cert.pem"]},
                          "client": {}}, on_pair)
    run()
