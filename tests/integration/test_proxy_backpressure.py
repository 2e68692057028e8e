"""A pipe() proxy (``client.pipe(upstream).pipe(client)``) stays bounded in memory.

The upstream server stops reading for a while; the sender keeps writing as
fast as backpressure lets it.  The proxy's buffers must stay near one high
water mark plus one read, and every byte must arrive intact.
"""

from __future__ import annotations

import hashlib
from typing import Any

from pynet import net, run
from pynet._core.loop import Loop
from pynet._handles.stream import READ_SIZE
from pynet.timers import clearInterval, setInterval, setTimeout

TOTAL = 16 * 1024 * 1024
CHUNK = 64 * 1024


def test_pipe_proxy_is_bounded_and_lossless(loop: Loop) -> None:
    state: dict[str, Any] = {"received": 0, "max_buffered": 0, "proxy_sockets": []}
    sink_hash = hashlib.sha256()
    source_hash = hashlib.sha256()

    def on_upstream_connection(sock: net.Socket) -> None:
        sock.pause()  # A slow consumer: nothing is read for 300 ms.

        def on_data(data: bytes) -> None:
            sink_hash.update(data)
            state["received"] += len(data)
            if state["received"] == TOTAL:
                sock.end()

        setTimeout(lambda: (sock.on("data", on_data), sock.resume()), 300)

    upstream = net.createServer(on_upstream_connection)

    def on_proxy_connection(client: net.Socket) -> None:
        up = net.connect(upstream.address()["port"], "127.0.0.1")
        state["proxy_sockets"] += [client, up]
        client.pipe(up).pipe(client)

    proxy = net.createServer(on_proxy_connection)

    def sample() -> None:
        for s in state["proxy_sockets"]:
            buffered = s.writableLength + s.readableLength
            state["max_buffered"] = max(state["max_buffered"], buffered)

    sampler = setInterval(sample, 5)

    def start_sender() -> None:
        sender = net.connect(proxy.address()["port"], "127.0.0.1")
        sent = [0]

        def pump() -> None:
            while sent[0] < TOTAL:
                chunk = bytes([(sent[0] // CHUNK) % 251]) * CHUNK
                source_hash.update(chunk)
                sent[0] += CHUNK
                if not sender.write(chunk):
                    sender.once("drain", pump)
                    return
            sender.end()

        sender.on("connect", pump)
        sender.resume()

        def finished() -> None:
            clearInterval(sampler)
            proxy.close()
            upstream.close()

        sender.on("close", finished)

    upstream.listen(0, "127.0.0.1", lambda: proxy.listen(0, "127.0.0.1", start_sender))
    run()
    assert state["received"] == TOTAL
    assert sink_hash.digest() == source_hash.digest()
    hwm = 16384
    # Each proxy socket: at most one high water mark and one read beyond it on
    # each side.
    assert 0 < state["max_buffered"] <= 2 * (hwm + READ_SIZE), state["max_buffered"]
