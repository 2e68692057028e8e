"""Port of test/parallel/test-tls-error-servername.js (Node v20).

setServername with a value that is not a string is ERR_INVALID_ARG_TYPE.  Node's client
runs over one end of a duplex pair; pynet's TLSSocket wraps net.Sockets (porting guide),
so the client here runs over an unconnected net.Socket.
"""

from __future__ import annotations

import pytest

from pynet import errors, net, run, tls
from tests.conformance._tls_fixtures import certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl


def test_error_servername(checker, certs):  # noqa: F811
    raw = net.Socket()
    client = tls.connect({"socket": raw, "ca": certs["ca-cert.pem"], "host": "agent1"})
    for value in (None, 1, True, {}):
        with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
            client.setServername(value)
        assert str(info.value).startswith('The "name" argument must be of type string')
    client.destroy()
    raw.destroy()
    run()
