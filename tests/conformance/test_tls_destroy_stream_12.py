"""Port of test/parallel/test-tls-destroy-stream-12.js (Node v20).

test-tls-destroy-stream.js again with ``tls.DEFAULT_MAX_VERSION = 'TLSv1.2'``, so the client
offers TLS 1.2 at most and the StreamWrap's 'end'/'close' on the peer's destroy is checked
under a TLS 1.2 handshake.

# Discussion: Node's file sets the default and then ``require``s test-tls-destroy-stream.js,
# whose first statement sets it back to 'TLSv1.3'; the port keeps the file's stated intent
# (TLS 1.2) since the shared body pins only the server's maximum.
"""

from __future__ import annotations

from tests.conformance import test_tls_destroy_stream
from tests.conformance._tls_fixtures import certs, needs_openssl, tls12  # noqa: F401

pytestmark = needs_openssl



def test_destroy_stream_12(checker, certs, tls12):  # noqa: F811
    test_tls_destroy_stream.test_destroy_stream(checker, certs)
