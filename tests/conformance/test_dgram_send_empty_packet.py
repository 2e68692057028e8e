"""Port of test/parallel/test-dgram-send-empty-packet.js (Node v20).

send(buf, 0, 0, ...) sends an empty datagram; the callback's first argument is
None, the listener's an empty buffer.
"""

from __future__ import annotations

from pynet import clearInterval, dgram, run, setInterval


def test_send_empty_packet(checker) -> None:
    client = dgram.createSocket("udp4")

    def on_bound() -> None:
        state: dict = {}

        def callback(first_arg) -> None:
            if isinstance(first_arg, bytes):
                assert len(first_arg) == 0
                clearInterval(state["interval"])
                client.close()
            else:
                assert first_arg is None

        client.on("message", checker.must_call(callback))
        port = client.address().port
        buf = bytes(1)
        state["interval"] = setInterval(
            lambda: client.send(buf, 0, 0, port, "127.0.0.1", checker.must_call(callback)), 10)

    client.bind(0, checker.must_call(on_bound))
    run()
