"""Port of test/parallel/test-tls-client-auth.js (Node v20).

Client certificates with intermediate CAs (ec10 and agent10): complete chains, no client
certificate asked or given (TLS 1.2 and 1.3 errors on both ends), incomplete chains
completed by the peer's CA list (a list, a multi-PEM string, a list of one multi-PEM),
chains that cannot be completed (UNABLE_TO_VERIFY_LEAF_SIGNATURE,
UNABLE_TO_GET_ISSUER_CERT_LOCALLY, SELF_SIGNED_CERT_IN_CHAIN; the server rejecting a
client: ECONNRESET), and CAs in "TRUSTED CERTIFICATE" and "X509 CERTIFICATE" PEM.
"""

from __future__ import annotations

import re

import pytest

from pynet import run
from tests.conformance._tls_fixtures import chain_certs, needs_openssl, tls_connect  # noqa: F401

pytestmark = needs_openssl


def check_server_identity(hostname, cert):
    assert hostname == "localhost"
    assert cert["subject"]["CN"] == "agent10.example.com"


def ids(c):
    client = {"key": c["ec10-key.pem"], "cert": c["ec10-cert.pem"], "ca": c["ca5-cert.pem"],
              "single": c["ec10-single.pem"], "subca": c["ec10-subca.pem"]}
    server = {"key": c["agent10-key.pem"], "cert": c["agent10-cert.pem"],
              "ca": c["ca2-cert.pem"], "single": c["agent10-single.pem"],
              "subca": c["agent10-subca.pem"]}
    return client, server


def succeed(err, pair, cleanup):
    assert err is None, err
    cleanup()


def fails_with(code):
    def check(err, pair, cleanup):
        assert err is not None and err.code == code, err
        cleanup()
    return check


CASES = {
    "complete chains": lambda cl, sv: ({
        "client": {"key": cl["key"], "cert": cl["cert"], "ca": sv["ca"]},
        "server": {"key": sv["key"], "cert": sv["cert"], "ca": cl["ca"], "requestCert": True},
    }, succeed),
    "no client certificate asked": lambda cl, sv: ({
        "client": {"ca": sv["ca"]},
        "server": {"key": sv["key"], "cert": sv["cert"], "ca": cl["ca"]},
    }, succeed),
    "incomplete chains, CA list": lambda cl, sv: ({
        "client": {"key": cl["key"], "cert": cl["single"], "ca": [sv["ca"], sv["subca"]]},
        "server": {"key": sv["key"], "cert": sv["single"], "ca": [cl["ca"], cl["subca"]],
                   "requestCert": True},
    }, succeed),
    "incomplete chains, multi-PEM": lambda cl, sv: ({
        "client": {"key": cl["key"], "cert": cl["single"], "ca": sv["ca"] + "\n" + sv["subca"]},
        "server": {"key": sv["key"], "cert": sv["single"],
                   "ca": cl["ca"] + "\n" + cl["subca"], "requestCert": True},
    }, succeed),
    "incomplete chains, multi-PEM in a list": lambda cl, sv: ({
        "client": {"key": cl["key"], "cert": cl["single"],
                   "ca": [sv["ca"] + "\n" + sv["subca"]]},
        "server": {"key": sv["key"], "cert": sv["single"],
                   "ca": [cl["ca"] + "\n" + cl["subca"]], "requestCert": True},
    }, succeed),
    "server chain incomplete": lambda cl, sv: ({
        "client": {"ca": sv["ca"]},
        "server": {"key": sv["key"], "cert": sv["single"]},
    }, fails_with("UNABLE_TO_VERIFY_LEAF_SIGNATURE")),
    "client chain incomplete": lambda cl, sv: ({
        "client": {"key": cl["key"], "cert": cl["single"], "ca": sv["ca"]},
        "server": {"key": sv["key"], "cert": sv["cert"], "ca": cl["ca"], "requestCert": True},
    }, fails_with("ECONNRESET")),
    "no CA for the server": lambda cl, sv: ({
        "client": {},
        "server": {"key": sv["key"], "cert": sv["cert"]},
    }, fails_with("UNABLE_TO_GET_ISSUER_CERT_LOCALLY")),
    "server sends its root, unknown": lambda cl, sv: ({
        "client": {},
        "server": {"key": sv["key"], "cert": sv["cert"] + "\n" + sv["ca"]},
    }, fails_with("SELF_SIGNED_CERT_IN_CHAIN")),
    "server sends its root, known": lambda cl, sv: ({
        "client": {"ca": sv["ca"]},
        "server": {"key": sv["key"], "cert": sv["cert"] + "\n" + sv["ca"]},
    }, succeed),
    "no CA for the client": lambda cl, sv: ({
        "client": {"key": cl["key"], "cert": cl["cert"], "ca": sv["ca"]},
        "server": {"key": sv["key"], "cert": sv["cert"], "requestCert": True},
    }, fails_with("ECONNRESET")),
    "TRUSTED CERTIFICATE on the client": lambda cl, sv: ({
        "client": {"key": cl["key"], "cert": cl["cert"],
                   "ca": sv["ca"].replace("CERTIFICATE", "TRUSTED CERTIFICATE")},
        "server": {"key": sv["key"], "cert": sv["cert"], "ca": cl["ca"], "requestCert": True},
    }, succeed),
    "TRUSTED CERTIFICATE on the server": lambda cl, sv: ({
        "client": {"key": cl["key"], "cert": cl["cert"], "ca": sv["ca"]},
        "server": {"key": sv["key"], "cert": sv["cert"], "requestCert": True,
                   "ca": cl["ca"].replace("CERTIFICATE", "TRUSTED CERTIFICATE")},
    }, succeed),
    "X509 CERTIFICATE on the client": lambda cl, sv: ({
        "client": {"key": cl["key"], "cert": cl["cert"],
                   "ca": sv["ca"].replace("CERTIFICATE", "X509 CERTIFICATE")},
        "server": {"key": sv["key"], "cert": sv["cert"], "ca": cl["ca"], "requestCert": True},
    }, succeed),
    "X509 CERTIFICATE on the server": lambda cl, sv: ({
        "client": {"key": cl["key"], "cert": cl["cert"], "ca": sv["ca"]},
        "server": {"key": sv["key"], "cert": sv["cert"], "requestCert": True,
                   "ca": cl["ca"].replace("CERTIFICATE", "X509 CERTIFICATE")},
    }, succeed),
}


@pytest.mark.parametrize("case", list(CASES))
def test_client_auth(checker, chain_certs, case):  # noqa: F811
    options, callback = CASES[case](*ids(chain_certs))
    options["client"]["checkServerIdentity"] = check_server_identity
    tls_connect(checker, options, callback)
    run()


def test_tls12_client_without_certificate(checker, chain_certs):  # noqa: F811
    cl, sv = ids(chain_certs)

    def check(err, pair, cleanup):
        assert pair["server"]["err"].code == "ERR_SSL_PEER_DID_NOT_RETURN_A_CERTIFICATE"
        assert pair["client"]["err"].code == "ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE"
        cleanup()

    tls_connect(checker, {
        "client": {"maxVersion": "TLSv1.2", "ca": sv["ca"],
                   "checkServerIdentity": check_server_identity},
        "server": {"key": sv["key"], "cert": sv["cert"], "ca": cl["ca"], "requestCert": True},
    }, check)
    run()


def test_tls13_client_without_certificate(checker, chain_certs):  # noqa: F811
    cl, sv = ids(chain_certs)

    def check(err, pair, cleanup):
        assert pair["server"]["err"].code == "ERR_SSL_PEER_DID_NOT_RETURN_A_CERTIFICATE"

        def on_error(e):
            assert e.code == "ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED"
            assert re.search("certificate required", str(e))
            cleanup()

        pair["client"]["conn"].once("error", checker.must_call(on_error))

    tls_connect(checker, {
        "client": {"ca": sv["ca"], "checkServerIdentity": check_server_identity},
        "server": {"key": sv["key"], "cert": sv["cert"], "ca": cl["ca"], "requestCert": True},
    }, check)
    run()
