"""Port of test/parallel/test-tls-set-ciphers-error.js (Node v20).

A ciphers string that matches no cipher makes tls.createServer throw 'no cipher match'.
"""

from __future__ import annotations

import pytest

from pynet import tls
from tests.conformance._tls_fixtures import agent2, certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl


def test_set_ciphers_error(checker, certs):  # noqa: F811
    for ciphers in ("aes256-sha", "FOOBARBAZ", "TLS_not_a_cipher"):
        with pytest.raises(Exception, match=r"(?i)no cipher match"):
            tls.createServer(agent2(certs, ciphers=ciphers), checker.must_not_call())
