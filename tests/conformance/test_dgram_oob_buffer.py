"""Port of test/parallel/test-dgram-oob-buffer.js (Node v20).

Sends to a closed port with offsets inside the buffer (and length 0 at its end)
neither throw nor report errors to the (uncalled) callbacks before close.
"""

from __future__ import annotations

from pynet import dgram, run


def test_oob_buffer(checker) -> None:
    socket = dgram.createSocket("udp4")
    buf = bytes([1, 2, 3, 4])
    port_getter = dgram.createSocket("udp4")

    def on_bound() -> None:
        address, port = port_getter.address().address, port_getter.address().port

        def after_close() -> None:
            socket.send(buf, 0, 0, port, address, checker.must_not_call())
            socket.send(buf, 0, 4, port, address, checker.must_not_call())
            socket.send(buf, 1, 3, port, address, checker.must_not_call())
            socket.send(buf, 3, 1, port, address, checker.must_not_call())
            socket.send(buf, 4, 0, port, address, checker.must_not_call())
            socket.close()

        port_getter.close(checker.must_call(after_close))

    port_getter.bind(0, "localhost", checker.must_call(on_bound))
    run()
