"""Port of test/parallel/test-tls-client-resume-12.js (Node v20).

test-tls-client-resume.js again with ``tls.DEFAULT_MAX_VERSION = 'TLSv1.2'``.
"""

from __future__ import annotations

import pytest

from pynet import tls
from pynet._tls import context
from tests.conformance import test_tls_client_resume
from tests.conformance._tls_fixtures import certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl


@pytest.fixture
def tls12():
    saved = tls.DEFAULT_MAX_VERSION
    tls.DEFAULT_MAX_VERSION = "TLSv1.2"
    assert context.DEFAULTS["maxVersion"] == "TLSv1.2"
    yield
    tls.DEFAULT_MAX_VERSION = saved


def test_client_resume_12(checker, certs, tls12):  # noqa: F811
    test_tls_client_resume.test_client_resume(checker, certs)
