"""Port of test/parallel/test-dgram-send-callback-recursive.js (Node v20).

Sending from the send callback: callbacks are asynchronous (a tick queued before
the first send runs before any callback), and all ten datagrams arrive.
"""

from __future__ import annotations

from pynet import dgram, nextTick, run


def test_send_callback_recursive(checker) -> None:
    client = dgram.createSocket("udp4")
    chunk = "abc"
    state = {"received": 0, "sent": 0, "async": False, "port": 0}
    limit = 10

    def onsend() -> None:
        if state["sent"] < limit:
            state["sent"] += 1
            client.send(chunk, 0, len(chunk), state["port"], "127.0.0.1", onsend)
        else:
            state["sent"] += 1
            assert state["async"] is True

    def on_listening() -> None:
        state["port"] = client.address().port

        def mark() -> None:
            state["async"] = True

        nextTick(mark)
        onsend()

    def on_message(buf, info) -> None:
        state["received"] += 1
        if state["received"] == limit:
            client.close()

    client.on("listening", on_listening)
    client.on("message", on_message)
    def on_close() -> None:
        assert state["received"] == limit

    client.on("close", checker.must_call(on_close))
    client.bind(0)
    run()
    assert state["received"] == limit
