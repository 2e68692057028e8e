"""Port of test/parallel/test-net-socket-reset-twice.js (Node v20).

resetAndDestroy() inside the 'error' handler of a refused connect gives exactly one 'close'.
"""

from __future__ import annotations

import pytest

from pynet import net, run

pytestmark = pytest.mark.timeout(10)


def test_reset_in_error_handler(checker) -> None:
    server = net.createServer()
    server.listen(0)
    port = server.address().port  # Listening without a host binds synchronously.
    conn = net.createConnection(port)

    conn.on("error", checker.must_call(lambda err: conn.resetAndDestroy()))
    conn.on("close", checker.must_call())
    server.close()
    run()
