"""Port of test/parallel/test-net-writable.js (Node v20).

At 'end' (peer FIN, default allowHalfOpen=False) the socket is still writable; write() works.
"""

from __future__ import annotations

import pytest

from pynet import net, run
from pynet.timers import clearTimeout, setTimeout

pytestmark = pytest.mark.timeout(10)


def test_writable_at_end(checker) -> None:
    accepted: list[net.Socket] = []

    def on_connection(s) -> None:
        accepted.append(s)
        server.close()
        s.end()

    server = net.createServer(checker.must_call(on_connection))

    def on_listening() -> None:
        socket = net.connect(server.address().port, "localhost")

        def on_end() -> None:
            assert socket.writable is True
            socket.write("hello world")

        socket.on("end", checker.must_call(on_end))

    server.listen(0, "127.0.0.1", checker.must_call(on_listening))

    # Node's process exits here although the server-side socket is still open; an unref'd
    # watchdog closes it if the loop does not end by itself.
    hung: list[bool] = []

    def watchdog() -> None:
        hung.append(True)
        for s in accepted:
            s.destroy()

    timer = setTimeout(watchdog, 2000)
    timer.unref()
    run()
    clearTimeout(timer)
    for s in accepted:  # Still open, as in Node at exit: closed for the leak check.
        s.destroy()
    run()
    assert not hung, "run() did not return while the EOF'd, unread server socket was open"
