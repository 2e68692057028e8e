"""Port of test/parallel/test-net-persistent-nodelay.js (Node v20).

setNoDelay() called before connect() is applied to the TCP socket once it exists.
"""

from __future__ import annotations

import socket

from pynet import net, run


def test_nodelay_set_before_connect_is_applied(checker):
    echo_server = net.createServer(checker.must_call(lambda connection: connection.end()))
    echo_server.listen(0)

    def on_listening():
        sock1 = net.Socket()
        # setNoDelay before the handle is created.  Node spies on the TCP wrap's
        # setNoDelay; here the option is read back from the real socket.
        assert sock1.setNoDelay() is sock1
        sock1.connect(echo_server.address().port)

        def on_connect():
            raw = sock1._handle._sock
            assert raw.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0

        sock1.on("connect", checker.must_call(on_connect))
        # Node ends the process here; the port closes the server instead.
        sock1.on("end", checker.must_call(lambda: echo_server.close()))

    echo_server.on("listening", checker.must_call(on_listening))
    run()
