"""Port of test/parallel/test-net-server-nodelay.js (Node v20).

Server noDelay is applied to the accepted socket; a later setNoDelay(true) is a no-op.

Node spies on the accepted TCP wrap's setNoDelay; this port reads TCP_NODELAY back from
the real socket.  On the installed node v20 the spy sees one call, setNoDelay(true), at
accept, and none for socket.setNoDelay(true) afterwards.
"""

from __future__ import annotations

import socket

from pynet import net, run


def nodelay_of(sock):
    return sock._handle._sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)


def test_server_nodelay_applied_to_accepted_socket(checker):
    def on_connection(sock):
        assert server.noDelay is True
        assert nodelay_of(sock) != 0  # Applied at accept with enable == server.noDelay.
        # Clear it behind pynet's back: a setNoDelay(true) that reached the socket
        # would set it again.
        sock._handle._sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 0)
        assert sock.setNoDelay(True) is sock
        assert nodelay_of(sock) == 0
        sock.destroy()
        server.close()

    server = net.createServer({"noDelay": True}, checker.must_call(on_connection))
    server.listen(0, checker.must_call(lambda: net.connect(server.address().port)))
    run()
