"""Port of test/parallel/test-dgram-close-in-listening.js (Node v20).

Closing in 'listening' while a send waits in the pre-bind queue does not crash.
"""

from __future__ import annotations

from pynet import dgram, run


def test_close_in_listening(checker) -> None:
    buf = b"\x2a" * 1024
    socket = dgram.createSocket("udp4")
    socket.on("listening", lambda: socket.close())
    port_getter = dgram.createSocket("udp4")

    def on_bound() -> None:
        socket.send(buf, 0, len(buf), port_getter.address().port, port_getter.address().address)
        port_getter.close()

    port_getter.bind(0, "localhost", checker.must_call(on_bound))
    run()
