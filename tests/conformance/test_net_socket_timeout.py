"""Port of test/parallel/test-net-socket-timeout.js (Node v20).

setTimeout() validates msecs and the callback, returns the socket, and is a no-op once destroyed.
"""

from __future__ import annotations

import math

import pytest

from pynet import errors, net, run

pytestmark = pytest.mark.timeout(10)

# Node's list also has both undefined and null: both are None in Python (listed once).
NON_NUMERIC_DELAYS = ["100", True, False, None, "", {}, lambda: None, []]
BAD_RANGE_DELAYS = [-0.001, -1, -math.inf, math.inf, math.nan]
VALID_DELAYS = [0, 0.001, 1, 1e6]
# Node's list also has null, which is None here: None means "no callback" in pynet, as
# undefined does in Node. Symbol('test') has no Python twin; a bare object() stands in.
INVALID_CALLBACKS = [1, "100", True, False, {}, [], object()]


def test_argument_validation() -> None:
    s = net.Socket()
    try:
        for delay in NON_NUMERIC_DELAYS:
            with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
                s.setTimeout(delay, lambda: None)
            assert info.value.code == "ERR_INVALID_ARG_TYPE", delay

        for delay in BAD_RANGE_DELAYS:
            with pytest.raises(errors.ERR_OUT_OF_RANGE) as info2:
                s.setTimeout(delay, lambda: None)
            assert info2.value.code == "ERR_OUT_OF_RANGE", delay

        for delay in VALID_DELAYS:
            s.setTimeout(delay, lambda: None)

        for callback in INVALID_CALLBACKS:
            for msecs in (0, 1):
                with pytest.raises(TypeError) as info3:
                    s.setTimeout(msecs, callback)
                assert info3.value.code == "ERR_INVALID_ARG_TYPE", (msecs, callback)
    finally:
        s.destroy()  # Drops the unref'd idle timer for the leak check.
    run()


def test_returns_socket_and_no_timeout_after_destroy(checker) -> None:
    server = net.Server()

    def on_listening() -> None:
        socket = net.createConnection(server.address().port)

        def on_timeout() -> None:
            socket.destroy()
            assert socket.setTimeout(1, checker.must_not_call("timeout after destroy")) is socket
            server.close()

        assert socket.setTimeout(1, checker.must_call(on_timeout)) is socket

    server.listen(0, checker.must_call(on_listening))
    run()
