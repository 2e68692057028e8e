"""Port of test/parallel/test-tls-max-send-fragment.js (Node v20).

setMaxSendFragment(size) on a server socket: a missing or non-number size is
ERR_INVALID_ARG_TYPE, NaN, Infinity and 2**31 are ERR_OUT_OF_RANGE; sizes outside
512..16384 return false; 768 returns true, and then every 'data' chunk the client
gets from a 10000-byte end() is at most 768 bytes, all of them arriving before 'end'.
"""

from __future__ import annotations

import math
import os

import pytest

from pynet import run, tls
from tests.conformance._tls_fixtures import agent1, certs, needs_openssl  # noqa: F401
from tests.conformance.common import assert_node_error

pytestmark = needs_openssl

BUF = os.urandom(10000)
MAX_CHUNK = 768


def test_max_send_fragment(checker, certs):  # noqa: F811
    received = [0]

    def on_connection(c):
        # No size is passed.
        with pytest.raises(Exception) as info:
            c.setMaxSendFragment()
        assert_node_error(info.value, "ERR_INVALID_ARG_TYPE", "TypeError")
        # Invalid arg is passed (Node's null, undefined, '', {}, false, true, []).
        for arg in (None, "", {}, False, True, []):
            with pytest.raises(Exception) as info:
                c.setMaxSendFragment(arg)
            assert_node_error(info.value, "ERR_INVALID_ARG_TYPE", "TypeError")
        for arg in (math.nan, math.inf, 2 ** 31):
            with pytest.raises(Exception) as info:
                c.setMaxSendFragment(arg)
            assert_node_error(info.value, "ERR_OUT_OF_RANGE", "RangeError")
        # Node's Symbol(): a TypeError too.
        with pytest.raises(TypeError):
            c.setMaxSendFragment(object())
        # Lower and upper limits.
        assert not c.setMaxSendFragment(511)
        assert not c.setMaxSendFragment(16385)
        # Correct fragment size.
        assert c.setMaxSendFragment(MAX_CHUNK)
        c.end(BUF)

    server = tls.createServer(agent1(certs), on_connection)

    def on_listening():
        def on_secure():
            def on_data(chunk):
                assert len(chunk) <= MAX_CHUNK
                received[0] += len(chunk)

            def on_end():
                c.destroy()
                server.close()
                assert received[0] == len(BUF)

            c.on("data", on_data)
            # Ensure that 'end' comes anyway.
            c.on("end", checker.must_call(on_end))

        c = tls.connect(server.address().port, {"rejectUnauthorized": False},
                        checker.must_call(on_secure))

    server.listen(0, checker.must_call(on_listening))
    run()
