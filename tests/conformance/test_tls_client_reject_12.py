"""Port of test/parallel/test-tls-client-reject-12.js (Node v20).

test-tls-client-reject.js again with ``tls.DEFAULT_MAX_VERSION = 'TLSv1.2'``.
"""

from __future__ import annotations

from tests.conformance import test_tls_client_reject
from tests.conformance._tls_fixtures import certs, needs_openssl, tls12  # noqa: F401

pytestmark = needs_openssl



def test_client_reject_12(checker, certs, tls12):  # noqa: F811
    test_tls_client_reject.test_client_reject(checker, certs)
