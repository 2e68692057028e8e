"""Port of test/parallel/test-net-socket-connecting.js (Node v20).

`connecting` is True right after connect() and False in the connect callback (also `_connecting`).
"""

from __future__ import annotations

import pytest

from pynet import net, run

pytestmark = pytest.mark.timeout(10)


def test_connecting_flag(checker) -> None:
    def on_connection(conn) -> None:
        conn.end()
        server.close()

    server = net.createServer(checker.must_call(on_connection))

    def on_listening() -> None:
        def on_connect() -> None:
            assert client.connecting is False
            assert client._connecting is False  # Node's legacy getter
            client.end()

        client = net.connect(server.address().port, checker.must_call(on_connect))
        assert client.connecting is True
        assert client._connecting is True  # Node's legacy getter

    server.listen(0, checker.must_call(on_listening))
    run()
