"""Port of test/parallel/test-tls-key-mismatch.js (Node v20).

A key that does not match the certificate: createSecureContext throws OpenSSL's "key
values mismatch" (Node v20 with OpenSSL 3: ERR_OSSL_X509_KEY_VALUES_MISMATCH,
"error:05800074:x509 certificate routines::key values mismatch").
"""

from __future__ import annotations

import pytest

from pynet import tls
from tests.conformance._tls_fixtures import certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl


def test_key_mismatch(certs):  # noqa: F811
    with pytest.raises(Exception) as info:
        tls.createSecureContext({"key": certs["server-key.pem"], "cert": certs["other-cert.pem"]})
    assert info.value.code == "ERR_OSSL_X509_KEY_VALUES_MISMATCH"
    assert str(info.value) == "error:05800074:x509 certificate routines::key values mismatch"
    assert info.value.library == "x509 certificate routines"
    assert info.value.reason == "key values mismatch"
