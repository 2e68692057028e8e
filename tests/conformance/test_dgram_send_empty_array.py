"""Port of test/parallel/test-dgram-send-empty-array.js (Node v20).

send([]) sends an empty datagram.
"""

from __future__ import annotations

from pynet import clearInterval, dgram, run, setInterval


def test_send_empty_array(checker) -> None:
    client = dgram.createSocket("udp4")
    state: dict = {}

    def on_message(buf, info) -> None:
        assert buf == b""
        clearInterval(state["interval"])
        client.close()

    def on_listening() -> None:
        state["interval"] = setInterval(
            lambda: client.send([], client.address().port, "127.0.0.1"), 10)

    client.on("message", checker.must_call(on_message))
    client.on("listening", checker.must_call(on_listening))
    client.bind(0)
    run()
