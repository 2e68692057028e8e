"""Port of test/parallel/test-dgram-close-is-not-callback.js (Node v20).

close('bad argument') ignores the non-function and still emits 'close'.
"""

from __future__ import annotations

from pynet import dgram, run


def test_close_is_not_callback(checker) -> None:
    buf = b"\x2a" * 1024
    socket = dgram.createSocket("udp4")
    port_getter = dgram.createSocket("udp4")

    def on_bound() -> None:
        socket.send(buf, 0, len(buf), port_getter.address().port, port_getter.address().address)
        socket.close("bad argument")
        port_getter.close()
        socket.on("close", checker.must_call())

    port_getter.bind(0, "localhost", checker.must_call(on_bound))
    run()
