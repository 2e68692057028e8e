"""Port of test/parallel/test-dgram-udp6-send-default-host.js (Node v20).

Sends without an address on a udp6 socket go to ::1, in every form and buffer type.
"""

from __future__ import annotations

from pynet import dgram, run
from tests.conformance._helpers_dgram import array_buffer_views


def test_udp6_send_default_host(checker) -> None:
    client = dgram.createSocket("udp6")
    to_send = [b"x" * 256, b"y" * 256, b"z" * 256, "hello"]
    received: list[bytes] = []
    totals = {"sent": 0, "received": 0}
    views = len(array_buffer_views(b""))

    def on_listening() -> None:
        port = client.address().port
        client.send(to_send[0], 0, len(to_send[0]), port)
        client.send(to_send[1], port)
        client.send([to_send[2]], port)
        client.send(to_send[3], 0, len(to_send[3]), port)
        totals["sent"] += sum(len(b) for b in to_send)
        for buf in array_buffer_views(to_send[0]):
            client.send(buf, 0, memoryview(buf).nbytes, port)
            totals["sent"] += memoryview(buf).nbytes
        for buf in array_buffer_views(to_send[1]):
            client.send(buf, port)
            totals["sent"] += memoryview(buf).nbytes
        for buf in array_buffer_views(to_send[2]):
            client.send([buf], port)
            totals["sent"] += memoryview(buf).nbytes

    def on_message(buf, info) -> None:
        received.append(buf)
        totals["received"] += info.size
        if totals["received"] == totals["sent"]:
            client.close()

    def on_close() -> None:
        repeated = [b if isinstance(b, bytes) else b.encode() for b in to_send]
        repeated += repeated[:3] * views
        assert totals["sent"] == totals["received"]
        assert sorted(received) == sorted(repeated)

    client.on("listening", checker.must_call(on_listening))
    client.on("message", checker.must_call(on_message, len(to_send) + 3 * views))
    client.on("close", checker.must_call(on_close))
    client.bind(0)
    run()
