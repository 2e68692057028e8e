"""Port of test/parallel/test-net-socket-end-before-connect.js (Node v20).

end() on a socket that is still connecting ends up in 'close'.
"""

from __future__ import annotations

import pytest

from pynet import net, run

pytestmark = pytest.mark.timeout(10)


def test_end_while_connecting(checker) -> None:
    server = net.createServer()

    def on_listening() -> None:
        socket = net.createConnection(server.address().port)
        socket.on("close", checker.must_call(lambda: server.close()))
        socket.end()

    server.listen(checker.must_call(on_listening))
    run()
