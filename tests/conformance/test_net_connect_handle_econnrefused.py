"""Port of test/sequential/test-net-connect-handle-econnrefused.js (Node v20).

A refused connect emits 'error' ECONNREFUSED (with `connecting` already False), never 'connect'.
"""

from __future__ import annotations

import pytest

from pynet import net, run

pytestmark = pytest.mark.timeout(10)


def test_refused_connect_error(checker, ports) -> None:
    port = ports.refused()  # Node uses common.PORT, with nothing listening on it.
    c = net.createConnection(port)
    c.on("connect", checker.must_not_call("'connect' to a closed port"))

    def on_error(e) -> None:
        assert c.connecting is False
        assert e.code == "ECONNREFUSED"

    c.on("error", checker.must_call(on_error))
    run()
