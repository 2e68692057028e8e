"""Port of test/parallel/test-tls-sni-server-client.js (Node v20).

addContext names (exact, a wildcard, one whose certificate comes with its intermediate):
the client gets the certificate of the context its servername selects (verified by its
CA, then failing only the name check), or the server's own for names no context matches;
the server sees the servername and an unauthorized client.  The newest test's addContext
argument checks (ERR_MISSING_ARGS, ERR_INVALID_ARG_VALUE for an IP) are not Node v20's.

Node's keys: agent2 (RSA, self-signed) = enc, agent1/ca1 = server/ca, agent3/ca2 =
other/other-ca, agent6 (with its intermediate) = agent10 of chain_certs.
"""

from __future__ import annotations

import pytest

from pynet import run, tls
from tests.conformance._tls_fixtures import certs, chain_certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl

CASES = [("ca-cert.pem", "a.example.com", True), ("other-ca-cert.pem", "b.test.com", True),
         ("other-ca-cert.pem", "a.b.test.com", False), ("ca-cert.pem", "c.wrong.com", False),
         ("chain:ca2-cert.pem", "chain.example.com", True)]


@pytest.mark.parametrize(("ca", "servername", "client_result"), CASES)
def test_sni_server_client(checker, certs, chain_certs, ca, servername,  # noqa: F811
                           client_result):
    def on_secure(c):
        assert c.servername == servername
        assert c.authorized is False

    server = tls.createServer({"key": certs["enc-key.pem"], "passphrase": "secret",
                               "cert": certs["enc-cert.pem"]}, on_secure)
    server.addContext("a.example.com", {"key": certs["server-key.pem"],
                                        "cert": certs["server-cert.pem"]})
    server.addContext("*.test.com", {"key": certs["other-key.pem"],
                                     "cert": certs["other-cert.pem"]})
    server.addContext("chain.example.com", {"key": chain_certs["agent10-key.pem"],
                                            "cert": chain_certs["agent10-cert.pem"]})
    server.on("tlsClientError", checker.must_not_call())
    ca_pem = chain_certs[ca[6:]] if ca.startswith("chain:") else certs[ca]

    def on_listening():
        def on_secure_connect():
            result = bool(client.authorizationError) and \
                client.authorizationError == "ERR_TLS_CERT_ALTNAME_INVALID"
            assert result == client_result, client.authorizationError
            client.end()

        client = tls.connect({"ca": [ca_pem], "servername": servername,
                              "port": server.address().port, "rejectUnauthorized": False},
                             checker.must_call(on_secure_connect))
        client.resume()
        client.on("close", checker.must_call(lambda: server.close()))

    server.listen(0, on_listening)
    run()
