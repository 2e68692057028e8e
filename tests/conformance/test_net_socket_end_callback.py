"""Port of test/parallel/test-net-socket-end-callback.js (Node v20).

end(cb), end(data, cb) and end(data, encoding, cb) all call cb.
"""

from __future__ import annotations

import pytest

from pynet import net, run

pytestmark = pytest.mark.timeout(10)


def test_end_overloads_call_back(checker) -> None:
    server = net.createServer(lambda socket: socket.resume()).unref()
    cb = checker.must_call(lambda *args: None, 3)

    def on_listening() -> None:
        def connect(*args) -> None:
            socket = net.createConnection(server.address().port,
                                          lambda: socket.end(*args))

        connect(cb)
        connect("foo", cb)
        connect("foo", "utf8", cb)

    server.listen(checker.must_call(on_listening))
    run()
    # Node's process exits with the unref'd server still open; here it is closed for the
    # leak check.
    server.close()
    run()
