"""Port of test/parallel/test-tls-reduced-SECLEVEL-in-cipher.js (Node v20).

A 1024-bit RSA key (Node's agent11 is a small key too) is refused at OpenSSL 3's
default security level ('key too small'), and accepted with 'DEFAULT:@SECLEVEL=0' in
ciphers (the ciphers are set before the key and certificate are loaded).
"""

from __future__ import annotations

import pytest

from pynet import tls
from tests.conformance._tls_fixtures import _openssl, needs_openssl

pytestmark = needs_openssl


def test_reduced_seclevel_in_cipher(checker, tmp_path):
    _openssl(tmp_path, "req", "-x509", "-newkey", "rsa:1024", "-nodes", "-keyout", "k.pem",
             "-out", "c.pem", "-days", "30", "-subj", "/CN=agent11")
    options = {"key": (tmp_path / "k.pem").read_text(), "cert": (tmp_path / "c.pem").read_text(),
               "ciphers": "DEFAULT"}
    with pytest.raises(Exception, match=r"(?i)key too small"):
        tls.createServer(options, checker.must_not_call())
    options["ciphers"] = "DEFAULT:@SECLEVEL=0"
    assert tls.createServer(options, checker.must_not_call())
