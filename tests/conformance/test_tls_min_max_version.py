"""Port of test/parallel/test-tls-min-max-version.js (Node v20).

minVersion/maxVersion and secureProtocol on both ends: the protocol both sides
negotiate, or each side's error: an invalid method (ERR_TLS_INVALID_PROTOCOL_METHOD)
or secureProtocol with a version (ERR_TLS_PROTOCOL_VERSION_CONFLICT) thrown by
createServer/connect, or the handshake errors of versions that do not overlap.
The rows are Node v20's for its defaults (minimum TLSv1.2, maximum TLSv1.3) and
OpenSSL 3.0 (TLSv1/TLSv1.1 need ``ciphers: 'ALL@SECLEVEL=0'``); Node's agent6
(a leaf with its intermediate) is ``agent10`` of the chain fixtures.
"""

from __future__ import annotations

import pytest

from tests.conformance._tls_fixtures import (  # noqa: F401
    certs,
    chain_certs,
    needs_openssl,
    tls_connect,
)

pytestmark = needs_openssl

U = None

# cmin, cmax, cprot, smin, smax, sprot, proto, cerr, serr
ROWS = [
    (U, U, U, U, U, U, "TLSv1.3", U, U),
    (U, U, U, U, U, "SSLv2_method", U, U, "ERR_TLS_INVALID_PROTOCOL_METHOD"),
    (U, U, U, U, U, "SSLv3_method", U, U, "ERR_TLS_INVALID_PROTOCOL_METHOD"),
    (U, U, "SSLv2_method", U, U, U, U, "ERR_TLS_INVALID_PROTOCOL_METHOD", U),
    (U, U, "SSLv3_method", U, U, U, U, "ERR_TLS_INVALID_PROTOCOL_METHOD", U),
    (U, U, "hokey-pokey", U, U, U, U, "ERR_TLS_INVALID_PROTOCOL_METHOD", U),
    (U, U, U, U, U, "hokey-pokey", U, U, "ERR_TLS_INVALID_PROTOCOL_METHOD"),
    (U, U, U, U, U, "%s_method", U, U, "ERR_TLS_INVALID_PROTOCOL_METHOD"),
    (U, U, U, U, "TLSv1.2", "TLS1_2_method", U, U, "ERR_TLS_PROTOCOL_VERSION_CONFLICT"),
    (U, U, U, "TLSv1.2", U, "TLS1_2_method", U, U, "ERR_TLS_PROTOCOL_VERSION_CONFLICT"),
    (U, "TLSv1.2", "TLS1_2_method", U, U, U, U, "ERR_TLS_PROTOCOL_VERSION_CONFLICT", U),
    ("TLSv1.2", U, "TLS1_2_method", U, U, U, U, "ERR_TLS_PROTOCOL_VERSION_CONFLICT", U),
    (U, U, "TLSv1_2_method", U, U, "TLS_method", "TLSv1.2", U, U),
    (U, U, "TLSv1_1_method", U, U, "TLS_method", "TLSv1.1", U, U),
    (U, U, "TLSv1_method", U, U, "TLS_method", "TLSv1", U, U),
    (U, U, "TLS_method", U, U, "TLSv1_2_method", "TLSv1.2", U, U),
    (U, U, "TLS_method", U, U, "TLSv1_1_method", "TLSv1.1", U, U),
    (U, U, "TLS_method", U, U, "TLSv1_method", "TLSv1", U, U),
    (U, U, "TLSv1_2_method", U, U, "SSLv23_method", "TLSv1.2", U, U),
    (U, U, "TLSv1_1_method", U, U, "SSLv23_method", U, "ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION", "ERR_SSL_UNSUPPORTED_PROTOCOL"),
    (U, U, "TLSv1_method", U, U, "SSLv23_method", U, "ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION", "ERR_SSL_UNSUPPORTED_PROTOCOL"),
    (U, U, "SSLv23_method", U, U, "TLSv1_1_method", U, "ERR_SSL_UNSUPPORTED_PROTOCOL", "ERR_SSL_WRONG_VERSION_NUMBER"),
    (U, U, "SSLv23_method", U, U, "TLSv1_method", U, "ERR_SSL_UNSUPPORTED_PROTOCOL", "ERR_SSL_WRONG_VERSION_NUMBER"),
    (U, U, "TLSv1_2_method", U, U, "TLSv1_2_method", "TLSv1.2", U, U),
    (U, U, "TLSv1_1_method", U, U, "TLSv1_1_method", "TLSv1.1", U, U),
    (U, U, "TLSv1_method", U, U, "TLSv1_method", "TLSv1", U, U),
    (U, U, "TLSv1_1_method", U, U, U, U, "ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION", "ERR_SSL_UNSUPPORTED_PROTOCOL"),
    (U, U, "TLSv1_method", U, U, U, U, "ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION", "ERR_SSL_UNSUPPORTED_PROTOCOL"),
    (U, U, U, U, U, "TLSv1_1_method", U, "ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION", "ERR_SSL_UNSUPPORTED_PROTOCOL"),
    (U, U, U, U, U, "TLSv1_method", U, "ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION", "ERR_SSL_UNSUPPORTED_PROTOCOL"),
    ("TLSv1", "TLSv1.2", U, U, U, "TLSv1_method", "TLSv1", U, U),
    ("TLSv1", "TLSv1.2", U, U, U, "TLSv1_1_method", "TLSv1.1", U, U),
    ("TLSv1", "TLSv1.2", U, U, U, "TLSv1_2_method", "TLSv1.2", U, U),
    ("TLSv1", "TLSv1.2", U, U, U, "TLS_method", "TLSv1.2", U, U),
    (U, U, "TLSv1_method", "TLSv1", "TLSv1.2", U, "TLSv1", U, U),
    (U, U, "TLSv1_1_method", "TLSv1", "TLSv1.2", U, "TLSv1.1", U, U),
    (U, U, "TLSv1_2_method", "TLSv1", "TLSv1.2", U, "TLSv1.2", U, U),
    ("TLSv1", "TLSv1.1", U, "TLSv1", "TLSv1.3", U, "TLSv1.1", U, U),
    ("TLSv1", "TLSv1.1", U, "TLSv1", "TLSv1.2", U, "TLSv1.1", U, U),
    ("TLSv1", "TLSv1.2", U, "TLSv1", "TLSv1.1", U, "TLSv1.1", U, U),
    ("TLSv1", "TLSv1.3", U, "TLSv1", "TLSv1.1", U, "TLSv1.1", U, U),
    ("TLSv1", "TLSv1", U, "TLSv1", "TLSv1.1", U, "TLSv1", U, U),
    ("TLSv1", "TLSv1.2", U, "TLSv1", "TLSv1", U, "TLSv1", U, U),
    ("TLSv1", "TLSv1.3", U, "TLSv1", "TLSv1", U, "TLSv1", U, U),
    ("TLSv1.1", "TLSv1.1", U, "TLSv1", "TLSv1.2", U, "TLSv1.1", U, U),
    ("TLSv1", "TLSv1.2", U, "TLSv1.1", "TLSv1.1", U, "TLSv1.1", U, U),
    ("TLSv1", "TLSv1.2", U, "TLSv1", "TLSv1.3", U, "TLSv1.2", U, U),
    ("TLSv1", "TLSv1.3", U, "TLSv1.3", "TLSv1.3", U, "TLSv1.3", U, U),
    ("TLSv1", "TLSv1.3", U, "TLSv1.2", "TLSv1.3", U, "TLSv1.3", U, U),
    ("TLSv1", "TLSv1.3", U, "TLSv1.2", "TLSv1.2", U, "TLSv1.2", U, U),
    ("TLSv1", "TLSv1.3", U, "TLSv1.1", "TLSv1.1", U, "TLSv1.1", U, U),
    ("TLSv1", "TLSv1.3", U, "TLSv1", "TLSv1", U, "TLSv1", U, U),
    ("TLSv1.3", "TLSv1.3", U, "TLSv1", "TLSv1.3", U, "TLSv1.3", U, U),
    ("TLSv1.2", "TLSv1.2", U, "TLSv1", "TLSv1.3", U, "TLSv1.2", U, U),
    ("TLSv1.1", "TLSv1.1", U, "TLSv1", "TLSv1.3", U, "TLSv1.1", U, U),
    ("TLSv1", "TLSv1", U, "TLSv1", "TLSv1.3", U, "TLSv1", U, U),
]


@pytest.mark.parametrize(("cmin", "cmax", "cprot", "smin", "smax", "sprot", "proto", "cerr",
                          "serr"), ROWS)
def test_min_max_version(checker, certs, chain_certs, cmin, cmax, cprot,  # noqa: F811
                         smin, smax, sprot, proto, cerr, serr):
    from pynet import run, tls

    assert tls.DEFAULT_MIN_VERSION == "TLSv1.2" and tls.DEFAULT_MAX_VERSION == "TLSv1.3"
    ciphers = None
    if proto in ("TLSv1", "TLSv1.1") or sprot in ("TLSv1_1_method", "TLSv1_method"):
        if serr != "ERR_SSL_UNSUPPORTED_PROTOCOL":
            ciphers = "ALL@SECLEVEL=0"

    def on_pair(err, pair, cleanup):
        if not proto:
            if cerr:
                client_err = pair["client"].get("err")
                assert client_err is not None
                # Aliases: the code reported depends on the OpenSSL version.
                expected = cerr
                if cerr == "ERR_SSL_UNSUPPORTED_PROTOCOL" and \
                        client_err.code == "ERR_SSL_VERSION_TOO_LOW":
                    expected = "ERR_SSL_VERSION_TOO_LOW"
                assert client_err.code == expected
            if serr:
                server_err = pair["server"].get("err")
                assert server_err is not None
                assert server_err.code == serr
            cleanup()
            return
        assert err is None
        assert pair["server"].get("err") is None
        assert pair["client"].get("err") is None
        assert pair["client"]["conn"].getProtocol() == proto
        assert pair["server"]["conn"].getProtocol() == proto
        cleanup()

    tls_connect(checker, {
        "client": {
            "checkServerIdentity": lambda servername, cert: None,
            "ca": certs["server-cert.pem"] + "\n" + chain_certs["ca2-cert.pem"],
            "minVersion": cmin, "maxVersion": cmax, "secureProtocol": cprot,
            "ciphers": ciphers,
        },
        "server": {
            "cert": chain_certs["agent10-cert.pem"], "key": chain_certs["agent10-key.pem"],
            "minVersion": smin, "maxVersion": smax, "secureProtocol": sprot,
            "ciphers": ciphers,
        },
    }, on_pair)
    run()
