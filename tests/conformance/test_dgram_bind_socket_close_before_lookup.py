"""Port of test/parallel/test-dgram-bind-socket-close-before-lookup.js (Node v20).

A lookup that fails after the socket was closed emits no 'error'.
"""

from __future__ import annotations

from pynet import dgram, run, setTimeout


def test_close_before_lookup(checker) -> None:
    def lookup(*args) -> None:
        setTimeout(lambda: args[-1](Exception("an error")), 100)

    socket = dgram.createSocket({"type": "udp4", "lookup": lookup})
    socket.on("error", checker.must_not_call())
    socket.bind(12345, "localhost")
    socket.close()
    run()
