"""Port of test/parallel/test-dgram-implicit-bind.js (Node v20).

Two sends on an unbound socket bind it once (no bind error on the second).
"""

from __future__ import annotations

from pynet import dgram, run


def test_implicit_bind(checker) -> None:
    source = dgram.createSocket("udp4")
    target = dgram.createSocket("udp4")
    messages = [0]

    def on_message(buf) -> None:
        if buf in (b"abc", b"def"):
            messages[0] += 1
        if messages[0] == 2:
            source.close()
            target.close()

    def on_listening() -> None:
        port = target.address().port
        source.send(b"abc", 0, 3, port, "127.0.0.1")
        source.send(b"def", 0, 3, port, "127.0.0.1")

    target.on("message", checker.must_call(on_message, 2))
    target.on("listening", checker.must_call(on_listening))
    target.bind(0)
    run()
