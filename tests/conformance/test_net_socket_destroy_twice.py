"""Port of test/parallel/test-net-socket-destroy-twice.js (Node v20).

destroy() inside the 'error' handler of a refused connect still gives exactly one 'close'.
"""

from __future__ import annotations

import pytest

from pynet import net, run

pytestmark = pytest.mark.timeout(10)


def test_destroy_in_error_handler(checker) -> None:
    server = net.createServer()
    server.listen(0)
    port = server.address().port  # Listening without a host binds synchronously.
    conn = net.createConnection(port)

    conn.on("error", checker.must_call(lambda err: conn.destroy()))
    conn.on("close", checker.must_call())
    server.close()
    run()
