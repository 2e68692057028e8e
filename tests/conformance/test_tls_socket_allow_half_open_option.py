"""Port of test/parallel/test-tls-socket-allow-half-open-option.js (Node v20).

The TLSSocket constructor's allowHalfOpen is ignored over a net.Socket (the socket's
own counts) and over a generic stream.Duplex (the Duplex's counts, Node's
JSStreamSocket), and honoured without one.
"""

from __future__ import annotations

from pynet import net, run, stream, tls


def test_socket_allow_half_open_option(checker):
    socket = tls.TLSSocket(net.Socket(), {"allowHalfOpen": True})
    assert socket.allowHalfOpen is False
    socket.destroy()
    duplex = stream.Duplex({"allowHalfOpen": False, "read": lambda *a: None})
    socket = tls.TLSSocket(duplex, {"allowHalfOpen": True})
    assert socket.allowHalfOpen is False
    socket.destroy()
    socket = tls.TLSSocket()
    assert socket.allowHalfOpen is False
    socket.destroy()
    socket = tls.TLSSocket(None, {"allowHalfOpen": True})
    assert socket.allowHalfOpen is True
    socket.destroy()
    run()
