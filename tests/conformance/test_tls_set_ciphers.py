"""Port of test/parallel/test-tls-set-ciphers.js (Node v20), partial.

The ciphers option on both ends: the negotiated cipher, no shared cipher (the client
gets the handshake-failure alert, the server ERR_SSL_NO_SHARED_CIPHER), TLS 1.3 chosen
over a TLS 1.2 list when maxVersion allows it, invalid values (ERR_INVALID_ARG_TYPE,
ERR_INVALID_ARG_VALUE for ':'), null as undefined.

Not ported: the cases that name TLS 1.3 suites in ciphers ('TLS_AES_256_GCM_SHA384',
'TLS_CHACHA20_POLY1305_SHA256', the CCM ones): Python's ssl has no
SSL_CTX_set_ciphersuites, so pynet raises ERR_FEATURE_UNAVAILABLE_ON_PLATFORM for them
(porting guide).
"""

from __future__ import annotations

import pytest

from pynet import run, tls
from tests.conformance._tls_fixtures import agent1, certs, needs_openssl, tls_connect  # noqa: F401

pytestmark = needs_openssl

U = None
ALERT = "ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE"  # OpenSSL 3.0/3.1 spelling, as Node v20's


def _max_tls_ver(ciphers, options):
    if options and "maxVersion" in options:
        return options["maxVersion"]
    if isinstance(ciphers, str) and ciphers and "TLS_" not in ciphers:
        return "TLSv1.2"
    return "TLSv1.3"


def _run_case(checker, certs, cciphers, sciphers, cipher, cerr=None, serr=None,  # noqa: F811
              options=None):
    reply = "So long and thanks for all the fish."

    def on_pair(err, pair, cleanup):
        if not cipher:
            if cerr:
                assert pair["client"].get("err") is not None
                assert pair["client"]["err"].code == cerr
            if serr:
                assert pair["server"].get("err") is not None
                assert pair["server"]["err"].code == serr
            cleanup()
            return
        assert err is None
        assert pair["client"]["conn"].getCipher()["name"] == cipher
        assert pair["server"]["conn"].getCipher()["name"] == cipher
        pair["server"]["conn"].write(reply)

        def on_data(data):
            assert bytes(data).decode() == reply
            cleanup()

        pair["client"]["conn"].on("data", checker.must_call(on_data))

    client = {"checkServerIdentity": lambda *a: None, "ca": certs["ca-cert.pem"],
              "maxVersion": _max_tls_ver(cciphers, options)}
    server = agent1(certs, maxVersion=_max_tls_ver(sciphers, options))
    if cciphers is not None:
        client["ciphers"] = cciphers
    if sciphers is not None:
        server["ciphers"] = sciphers
    tls_connect(checker, {"client": client, "server": server}, on_pair)
    run()


@pytest.mark.parametrize(("cciphers", "sciphers", "cipher", "cerr", "serr", "options"), [
    # Have shared ciphers.
    (U, "AES256-SHA", "AES256-SHA", U, U, U),
    ("AES256-SHA", U, "AES256-SHA", U, U, U),
    # Do not have shared ciphers.
    ("AES256-SHA", "AES256-SHA256", U, ALERT, "ERR_SSL_NO_SHARED_CIPHER", U),
    # TLS 1.3 is chosen before TLS 1.2, and its suites stay enabled when only TLS 1.2
    # ciphers are set.
    ("AES256-SHA", U, "TLS_AES_256_GCM_SHA384", U, U, {"maxVersion": "TLSv1.3"}),
    (U, "AES256-SHA", "TLS_AES_256_GCM_SHA384", U, U, {"maxVersion": "TLSv1.3"}),
])
def test_set_ciphers(checker, certs, cciphers, sciphers, cipher, cerr, serr,  # noqa: F811
                     options):
    _run_case(checker, certs, cciphers, sciphers, cipher, cerr, serr, options)


def test_null_is_undefined(checker, certs):  # noqa: F811
    # Node passes ciphers: null explicitly; here as a present None.
    reply = "ok"

    def on_pair(err, pair, cleanup):
        assert err is None
        assert pair["client"]["conn"].getCipher()["name"] == "AES256-SHA"
        pair["server"]["conn"].write(reply)
        pair["client"]["conn"].on("data", checker.must_call(lambda d: cleanup()))

    tls_connect(checker, {
        "client": {"checkServerIdentity": lambda *a: None, "ca": certs["ca-cert.pem"],
                   "ciphers": None, "maxVersion": "TLSv1.3"},
        "server": agent1(certs, ciphers="AES256-SHA", maxVersion="TLSv1.2"),
    }, on_pair)
    run()


def test_invalid_cipher_values(certs):  # noqa: F811
    with pytest.raises(TypeError) as info:
        tls.connect({"port": 1, "ciphers": 9})
    assert info.value.code == "ERR_INVALID_ARG_TYPE"
    with pytest.raises(TypeError) as info:
        tls.createServer(agent1(certs, ciphers=9))
    assert info.value.code == "ERR_INVALID_ARG_TYPE"
    with pytest.raises(TypeError) as info:
        tls.connect({"port": 1, "ciphers": ":"})
    assert info.value.code == "ERR_INVALID_ARG_VALUE"
    with pytest.raises(TypeError) as info:
        tls.createServer(agent1(certs, ciphers=":"))
    assert info.value.code == "ERR_INVALID_ARG_VALUE"


def test_empty_string_is_default():
    # Node: '' is synonymous with "use the default ciphers" (its cases pair '' with a TLS
    # 1.3 suite, not portable here; the context must at least build).
    assert tls.createSecureContext({"ciphers": ""})
