"""Port of test/parallel/test-tls-net-socket-keepalive-12.js (Node v20).

test-tls-net-socket-keepalive.js again with ``tls.DEFAULT_MAX_VERSION = 'TLSv1.2'``.
"""

from __future__ import annotations

from tests.conformance import test_tls_net_socket_keepalive
from tests.conformance._tls_fixtures import certs, needs_openssl, tls12  # noqa: F401

pytestmark = needs_openssl



def test_net_socket_keepalive_12(checker, certs, tls12):  # noqa: F811
    test_tls_net_socket_keepalive.test_net_socket_keepalive(checker, certs)
