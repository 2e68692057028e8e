"""Port of test/parallel/test-net-server-keepalive.js (Node v20).

Server keepAlive/keepAliveInitialDelay are applied to each accepted socket; a later
setKeepAlive(true, ms) with the same delay is a no-op, other delays are applied.

Node spies on the TCP wraps' setKeepAlive (server._handle.onconnection, socket._handle);
this port reads SO_KEEPALIVE / TCP_KEEPIDLE back from the real socket instead.  On the
installed node v20 the spies see (true, 1) at accept, then (true, 2) and (true, 3): the
call with 1000 ms (= the 1 s already set) is skipped.
"""

from __future__ import annotations

import socket

import pytest

from pynet import net, run

pytestmark = pytest.mark.skipif(not hasattr(socket, "TCP_KEEPIDLE"),
                                reason="needs TCP_KEEPIDLE")


def keepalive_of(sock):
    raw = sock._handle._sock
    return (raw.getsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE),
            raw.getsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPIDLE))


def test_server_keepalive_applied_to_accepted_sockets(checker):
    def on_connection(sock):
        assert server.keepAlive is True
        assert server.keepAliveInitialDelay == 1  # Whole seconds, as Node keeps it.
        # Applied at accept: enable == server.keepAlive, delay == keepAliveInitialDelay.
        assert keepalive_of(sock) == (1, server.keepAliveInitialDelay)

        raw = sock._handle._sock
        # Overwrite the idle time behind pynet's back to see which calls reach the socket.
        raw.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPIDLE, 77)
        assert sock.setKeepAlive(True, 1000) is sock
        assert keepalive_of(sock) == (1, 77)  # Same delay as set at accept: no call.
        sock.setKeepAlive(True, 2000)
        assert keepalive_of(sock) == (1, 2)
        sock.setKeepAlive(True, 3000)
        assert keepalive_of(sock) == (1, 3)

        sock.destroy()
        server.close()

    server = net.createServer({"keepAlive": True, "keepAliveInitialDelay": 1000},
                              checker.must_call(on_connection))

    def on_listening():
        net.connect(server.address().port)

    server.listen(0, checker.must_call(on_listening))
    run()
