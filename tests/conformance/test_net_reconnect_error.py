"""Port of test/sequential/test-net-reconnect-error.js (Node v20).

Reconnecting from 'close' after ECONNREFUSED, 20 times: 21 'error's and 21 'close's.
"""

from __future__ import annotations

import pytest

from pynet import net, run

pytestmark = pytest.mark.timeout(10)

N = 20


def test_reconnect_after_refused(checker, ports) -> None:
    port = ports.refused()  # Node uses common.PORT, with nothing listening on it.
    client_error_count = 0
    disconnect_count = 0

    c = net.createConnection(port)
    c.on("connect", checker.must_not_call("'connect' to a closed port"))

    def on_error(e) -> None:
        nonlocal client_error_count
        client_error_count += 1
        assert e.code == "ECONNREFUSED"

    def on_close() -> None:
        nonlocal disconnect_count
        disconnect_count += 1
        if disconnect_count - 1 < N:
            c.connect(port)  # reconnect

    c.on("error", checker.must_call(on_error, N + 1))
    c.on("close", checker.must_call(on_close, N + 1))
    run()
    assert disconnect_count == N + 1
    assert client_error_count == N + 1
