"""Port of test/parallel/test-tls-client-resume-12.js (Node v20).

test-tls-client-resume.js again with ``tls.DEFAULT_MAX_VERSION = 'TLSv1.2'``.
"""

from __future__ import annotations

from tests.conformance import test_tls_client_resume
from tests.conformance._tls_fixtures import certs, needs_openssl, tls12  # noqa: F401

pytestmark = needs_openssl



def test_client_resume_12(checker, certs, tls12):  # noqa: F811
    test_tls_client_resume.test_client_resume(checker, certs)
