"""Port of test/parallel/test-tls-client-allow-partial-trust-chain.js (Node v22.9, v20.18).

The server sends leaf → intermediate; the client trusts the intermediate alone (its
``ca``).  With ``allowPartialTrustChain: true`` (OpenSSL's X509_V_FLAG_PARTIAL_CHAIN) that
is enough: 'secureConnect'.  Without it the chain does not reach a self-signed root:
'error' UNABLE_TO_GET_ISSUER_CERT.

Beyond Node's file (checked under node v20.20.2): the option is not validated (any
truthy value turns it on), and ``tls.createServer`` does not pass it to its secure
context, so a server's verification of client certificates ignores it.
"""

from __future__ import annotations

from typing import Any

from pynet import run, tls
from tests.conformance._tls_fixtures import chain_certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl


def _connect(checker: Any, chain_certs: Any, **extra: Any) -> list[Any]:  # noqa: F811
    outcome: list[Any] = []
    server = tls.createServer({
        "ca": chain_certs["agent10-subca.pem"],
        "key": chain_certs["agent10-key.pem"],
        "cert": chain_certs["agent10-cert.pem"],
    }, lambda socket: socket.resume())

    def on_listening() -> None:
        client = tls.connect({"port": server.address().port,
                              "ca": chain_certs["agent10-subca.pem"],
                              "checkServerIdentity": lambda *a: None, **extra})

        def done(result: Any) -> None:
            outcome.append(result)
            client.destroy()
            server.close()

        client.on("secureConnect", lambda: done("secureConnect"))
        client.on("error", lambda err: done(err.code))

    server.listen(0, checker.must_call(on_listening))
    run()
    return outcome


def test_connects_with_allow_partial_trust_chain(checker, chain_certs):  # noqa: F811
    assert _connect(checker, chain_certs, allowPartialTrustChain=True) == ["secureConnect"]


def test_fails_without_allow_partial_trust_chain(checker, chain_certs):  # noqa: F811
    assert _connect(checker, chain_certs) == ["UNABLE_TO_GET_ISSUER_CERT"]


def test_any_truthy_value_and_no_validation(checker, chain_certs):  # noqa: F811
    assert _connect(checker, chain_certs, allowPartialTrustChain="yes") == ["secureConnect"]
    assert _connect(checker, chain_certs, allowPartialTrustChain=0) == \
        ["UNABLE_TO_GET_ISSUER_CERT"]
    for value in (1, "yes", 0, None, {}):
        tls.createSecureContext({"allowPartialTrustChain": value})


def test_server_ignores_it(checker, chain_certs):  # noqa: F811
    seen: list[Any] = []

    def on_secure(socket: Any) -> None:
        seen.append((socket.authorized, socket.authorizationError))
        socket.end()
        server.close()

    server = tls.createServer({
        "key": chain_certs["agent10-key.pem"], "cert": chain_certs["agent10-cert.pem"],
        "ca": chain_certs["agent10-subca.pem"], "requestCert": True,
        "rejectUnauthorized": False, "allowPartialTrustChain": True,
    }, checker.must_call(on_secure))

    def on_listening() -> None:
        client = tls.connect({"port": server.address().port,
                              "key": chain_certs["agent10-key.pem"],
                              "cert": chain_certs["agent10-cert.pem"],
                              "rejectUnauthorized": False})
        client.resume()
        client.on("error", lambda err: None)

    server.listen(0, checker.must_call(on_listening))
    run()
    assert seen == [(False, "UNABLE_TO_GET_ISSUER_CERT")]
