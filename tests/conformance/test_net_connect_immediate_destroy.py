"""Port of test/parallel/test-net-connect-immediate-destroy.js (Node v20).

destroy() right after connect() (to a server already closed): no connect callback, no 'error'.
"""

from __future__ import annotations

from pynet import net, run


def test_connect_then_destroy(checker) -> None:
    server = net.createServer()
    server.listen(0)
    port = server.address().port
    socket = net.connect(port, "127.0.0.1", checker.must_not_call())
    socket.on("error", checker.must_not_call())
    server.close()
    socket.destroy()
    run()
