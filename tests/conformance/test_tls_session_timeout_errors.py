"""Port of test/parallel/test-tls-session-timeout-errors.js (Node v20).

A negative ``sessionTimeout`` makes tls.createServer throw ERR_OUT_OF_RANGE (a
RangeError) with Node v20's message.  Node's ``rsa_cert.crt``/``rsa_private.pem``
become agent1.  (pynet refuses a valid sessionTimeout as unavailable, porting guide;
the range check comes first, as Node validates before setting it.)
"""

from __future__ import annotations

import pytest

from pynet import tls
from tests.conformance._tls_fixtures import agent1, certs, needs_openssl  # noqa: F401

from .common import assert_node_error

pytestmark = needs_openssl


@pytest.mark.parametrize("session_timeout", [-1, -100, -(2 ** 31)])
def test_negative_session_timeout_throws(certs, session_timeout):  # noqa: F811
    options = agent1(certs, ca=[certs["server-cert.pem"]], sessionTimeout=session_timeout,
                     maxVersion="TLSv1.2")
    with pytest.raises(Exception) as info:
        tls.createServer(options)
    assert_node_error(info.value, "ERR_OUT_OF_RANGE", "RangeError")
    assert str(info.value) == (
        'The value of "options.sessionTimeout" is out of range. It '
        f"must be >= 0 && <= {2 ** 31 - 1}. Received {session_timeout}")
