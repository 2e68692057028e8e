"""Port of test/parallel/test-tls-options-boolean-check.js (Node v20).

key/cert/ca of tls.createServer and createSecureContext: strings, Buffers, typed
arrays, lists of them and {pem} objects are accepted, false-y values are ignored, and
anything else raises ERR_INVALID_ARG_TYPE naming options.key / options.cert / options.ca
(cert and ca are checked before key, as Node loads them).
"""

from __future__ import annotations

import re

import pytest

from pynet import tls
from tests.conformance._tls_fixtures import certs, chain_certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl


def _msg(name):
    return re.compile(rf'^The "options\.{name}" property must be of type string or an '
                      r"instance of Buffer, TypedArray, or DataView\. Received ")


def test_options_boolean_check(certs, chain_certs):  # noqa: F811
    key_buff = certs["server-key.pem"].encode()
    cert_buff = certs["server-cert.pem"].encode()
    key_buff2 = chain_certs["ec10-key.pem"].encode()
    cert_buff2 = chain_certs["ec10-single.pem"].encode()
    ca_cert = certs["ca-cert.pem"].encode()
    ca_cert2 = chain_certs["ca2-cert.pem"].encode()
    key_str, cert_str = key_buff.decode(), cert_buff.decode()
    key_str2, cert_str2 = key_buff2.decode(), cert_buff2.decode()
    ca_str, ca_str2 = ca_cert.decode(), ca_cert2.decode()
    key_ab, cert_ab, ca_ab = bytearray(key_buff), bytearray(cert_buff), bytearray(ca_cert)
    key_dv, cert_dv, ca_dv = (memoryview(bytes(key_buff)), memoryview(bytes(cert_buff)),
                              memoryview(bytes(ca_cert)))

    for key, cert in [
        [key_buff, cert_buff], [False, cert_buff], [key_buff, False],
        [key_str, cert_str], [False, cert_str], [key_str, False], [False, False],
        [key_ab, cert_ab], [key_ab, False], [False, cert_ab],
        [key_dv, cert_dv], [key_dv, False], [False, cert_dv],
        [[key_buff, key_buff2], [cert_buff, cert_buff2]],
        [[key_str, key_str2], [cert_str, cert_str2]],
        [[key_str, key_str2], False], [False, [cert_str, cert_str2]],
        [[{"pem": key_buff}], False], [[{"pem": key_buff}, {"pem": key_buff}], False],
    ]:
        tls.createServer({"key": key, "cert": cert})

    key_re, cert_re, ca_re = _msg("key"), _msg("cert"), _msg("ca")
    for key, cert, message in [
        [True, cert_buff, key_re], [key_buff, True, cert_re],
        [True, cert_str, key_re], [key_str, True, cert_re],
        [True, cert_ab, key_re], [key_ab, True, cert_re],
        [True, cert_dv, key_re], [key_dv, True, cert_re],
        [True, True, cert_re], [True, False, key_re], [False, True, cert_re],
        [{"pem": key_buff}, False, key_re], [False, {"pem": key_buff}, cert_re],
        [1, False, key_re], [False, 1, cert_re],
        [[key_buff, True], [cert_buff, cert_buff2], key_re],
        [[True, key_str2], [cert_str, cert_str2], key_re],
        [[key_buff, key_buff2], [True, cert_buff2], cert_re],
        [[key_str, key_str2], [cert_str, True], cert_re],
        [[True, False], [cert_buff, cert_buff2], key_re],
        [[key_str, key_str2], [True, False], cert_re],
        [[key_str, key_str2], True, cert_re],
        [True, [cert_buff, cert_buff2], key_re],
    ]:
        with pytest.raises(TypeError) as info:
            tls.createServer({"key": key, "cert": cert})
        assert info.value.code == "ERR_INVALID_ARG_TYPE"
        assert message.match(str(info.value)), (key, cert, str(info.value))

    for ca in [ca_cert, [ca_cert, ca_cert2], ca_str, [ca_str, ca_str2], ca_ab, ca_dv, False]:
        tls.createServer({"key": key_buff, "cert": cert_buff, "ca": ca})

    for ca in [True, {}, 1, [ca_cert, True]]:
        with pytest.raises(TypeError) as info:
            tls.createServer({"key": key_buff, "cert": cert_buff, "ca": ca})
        assert info.value.code == "ERR_INVALID_ARG_TYPE"
        assert ca_re.match(str(info.value))

    for falsy in [None, False, "", 0]:
        tls.createSecureContext({"key": falsy, "cert": falsy, "ca": falsy})
    tls.createSecureContext({})
