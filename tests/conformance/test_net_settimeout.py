"""Port of test/parallel/test-net-settimeout.js (Node v20).

setTimeout(T, cb) returns the socket; setTimeout(0) right after disables it: no 'timeout'.
"""

from __future__ import annotations

from pynet import net, run
from pynet.timers import setTimeout

T = 100


def test_set_timeout_then_disable(checker):
    server = net.createServer(checker.must_call(lambda c: c.write("hello")))

    def on_listening():
        socket = net.createConnection(server.address().port, "localhost")
        s = socket.setTimeout(T, checker.must_not_call("'timeout' after setTimeout(0)"))
        assert isinstance(s, net.Socket)
        assert s is socket

        def on_data(data):
            def later():
                socket.destroy()
                server.close()

            setTimeout(later, T * 2)

        socket.on("data", checker.must_call(on_data))
        socket.setTimeout(0)

    server.listen(0, on_listening)
    run()
