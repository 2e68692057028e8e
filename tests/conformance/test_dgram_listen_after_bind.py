"""Port of test/parallel/test-dgram-listen-after-bind.js (Node v20).

bind() with no arguments emits 'listening' before 'close'.
"""

from __future__ import annotations

from pynet import clearTimeout, dgram, run, setTimeout


def test_listen_after_bind(checker) -> None:
    socket = dgram.createSocket("udp4")
    socket.bind()
    fired = [False]
    timer = setTimeout(lambda: socket.close(), 100)

    def on_listening() -> None:
        clearTimeout(timer)
        fired[0] = True
        socket.close()

    def on_close() -> None:
        assert fired[0], "listening should fire after bind"

    socket.on("listening", checker.must_call(on_listening))
    socket.on("close", checker.must_call(on_close))
    run()
