"""Port of test/parallel/test-dgram-close.js (Node v20).

Closing a socket whose send is still resolving: close() returns the socket, the
callback and 'close' run once, and the handle can be inspected afterwards.
"""

from __future__ import annotations

from pynet import dgram, run, setImmediate


def test_close(checker) -> None:
    buf = b"\x2a" * 1024
    socket = dgram.createSocket("udp4")
    handle = socket._handle
    port_getter = dgram.createSocket("udp4")

    def on_bound() -> None:
        socket.send(buf, 0, len(buf), port_getter.address().port, port_getter.address().address)
        assert socket.close(checker.must_call()) is socket
        socket.on("close", checker.must_call())
        setImmediate(lambda: setImmediate(lambda: handle.fileno()))
        port_getter.close()

    port_getter.bind(0, "localhost", checker.must_call(on_bound))
    run()
