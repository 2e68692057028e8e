"""Port of test/parallel/test-tls-client-verify.js (Node v20).

A client with rejectUnauthorized false and a given CA list is authorized exactly by the
servers whose certificate one of its CAs signed (an empty list trusts no one, not even
the system store); each server still sends 'hello world\\n'.
"""

from __future__ import annotations

import pytest

from pynet import run, tls
from tests.conformance._tls_fixtures import certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl

# Node's ca1/agent1 = ca/server, agent2 = self (self-signed), ca2/agent3 = other-ca/other.
CASES = [
    (["ca-cert.pem"], [(True, "server"), (False, "self"), (False, "other")]),
    ([], [(False, "server"), (False, "self"), (False, "other")]),
    (["ca-cert.pem", "other-ca-cert.pem"], [(True, "server"), (False, "self"), (True, "other")]),
]


@pytest.mark.parametrize(("cas", "servers"), CASES)
def test_client_verify(checker, certs, cas, servers):  # noqa: F811
    client_options = {"ca": [certs[c] for c in cas], "key": certs["self-key.pem"],
                      "cert": certs["self-cert.pem"], "rejectUnauthorized": False}
    done = []

    def test_servers(index):
        if index == len(servers):
            done.append(True)
            return
        ok, name = servers[index]
        server = tls.createServer({"key": certs[f"{name}-key.pem"],
                                   "cert": certs[f"{name}-cert.pem"]},
                                  checker.must_call(lambda s: s.end("hello world\n")))

        def on_listening():
            got = []

            def on_secure():
                authorized = client.authorized or \
                    client.authorizationError == "ERR_TLS_CERT_ALTNAME_INVALID"
                assert authorized == ok, (name, client.authorizationError)
                server.close()

            client = tls.connect({**client_options, "port": server.address().port},
                                 checker.must_call(on_secure))
            client.on("data", lambda d: got.append(d))
            client.on("end", checker.must_call(lambda: b"".join(got) == b"hello world\n" or
                                               1 / 0))
            client.on("close", checker.must_call(lambda: test_servers(index + 1)))

        server.listen(0, checker.must_call(on_listening))

    test_servers(0)
    run()
    assert done == [True]
