"""Port of test/parallel/test-dgram-connect-send-empty-packet.js (Node v20).

send(buf, 0, 0, cb) on a connected socket sends an empty datagram; the callback
gets None first, the listener an empty buffer.
"""

from __future__ import annotations

from pynet import clearInterval, dgram, run, setInterval


def test_connect_send_empty_packet(checker) -> None:
    client = dgram.createSocket("udp4")

    def on_bound() -> None:
        def on_connect() -> None:
            state: dict = {}

            def callback(first_arg) -> None:
                if isinstance(first_arg, bytes):
                    assert len(first_arg) == 0
                    clearInterval(state["interval"])
                    client.close()
                else:
                    assert first_arg is None

            client.on("message", checker.must_call(callback))
            buf = bytes(1)
            state["interval"] = setInterval(
                lambda: client.send(buf, 0, 0, checker.must_call(callback)), 10)

        client.connect(client.address().port, checker.must_call(on_connect))

    client.bind(0, checker.must_call(on_bound))
    run()
