"""Port of test/parallel/test-net-dns-error.js (Node v20).

Connecting to a host name of 64 '*' (real resolver) emits 'lookup' with an ENOTFOUND/EAI_FAIL
error and undefined ip/type, then 'error' with the same code; never 'connect'.
"""

from __future__ import annotations

import pytest

from pynet import net, run

pytestmark = pytest.mark.timeout(10)

ERR_CODES = ("ENOTFOUND", "EAI_FAIL")


def test_dns_error(checker):
    host = "*" * 64
    socket = net.connect(42, host, checker.must_not_call())

    def on_error(err):
        assert err.code in ERR_CODES, repr(err)

    def on_lookup(err, ip, type_):
        assert isinstance(err, Exception)
        assert err.code in ERR_CODES, repr(err)
        assert ip is None
        assert type_ is None

    socket.on("error", checker.must_call(on_error))
    socket.on("lookup", checker.must_call(on_lookup))
    run()
