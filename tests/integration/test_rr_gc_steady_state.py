"""A request/response echo leaves no gc-tracked objects behind: the collector never runs.

CPython starts a generation-0 collection when the number of gc-tracked
objects allocated and not yet freed since the last one passes 700
(``gc.get_threshold()[0]``); the count goes up at each allocation of a
container object and down at each free.  If a request/response left even one
such object behind (a reference cycle, a cache that grows), a server at 40,000
requests per second would run a collection every few milliseconds, each a
latency spike for the request it lands in (docs/benchmarks.md, "rr1 p99: what
the tail is").  pynet's echo path frees everything it allocates per chunk, so
in a steady request/response exchange the count does not move and the
collector never runs.  These tests run 2,000 requests of 64 bytes over one
loopback connection, piped and with a ``'data'`` listener (``bench/run.py``'s
``pynet_pipe`` and ``pynet_data`` servers, with a pynet client), and check the
count before and after; the collector is disabled meanwhile so that the count
is not reset under the test (disabling it changes nothing else: the count
moves either way).
"""

from __future__ import annotations

import gc
from collections.abc import Callable

from pynet import net, run
from pynet._core.loop import Loop

WARMUP = 200
REQUESTS = 2000
MSG = b"x" * 64


def _echo_rr(serve: Callable[[net.Socket], None]) -> int:
    """Net gc-tracked allocations over REQUESTS request/response round trips,
    measured from the client's ``'data'`` listener after WARMUP of them."""
    counts: list[int] = []
    done = [0]

    def on_connection(sock: net.Socket) -> None:
        serve(sock)

    server = net.createServer(on_connection)

    def listening() -> None:
        addr = server.address()
        assert isinstance(addr, net.AddressInfo)
        client = net.connect(addr.port, "127.0.0.1")
        got = bytearray()

        def on_data(chunk: bytes) -> None:
            got.extend(chunk)
            if len(got) < len(MSG):
                return
            del got[:]
            done[0] += 1
            if done[0] in (WARMUP, WARMUP + REQUESTS):
                counts.append(gc.get_count()[0])
            if done[0] == WARMUP + REQUESTS:
                client.end()
                server.close()
                return
            client.write(MSG)

        client.on("data", on_data)
        client.write(MSG)

    server.listen(0, "127.0.0.1", listening)
    run()
    assert done[0] == WARMUP + REQUESTS
    return counts[1] - counts[0]


def test_piped_echo_leaves_nothing_for_the_collector(loop: Loop, no_gc: None) -> None:
    growth = _echo_rr(lambda sock: sock.pipe(sock))
    # 0 in practice; a leak of one object per request would be 2,000
    assert growth < REQUESTS // 100, f"{growth} gc-tracked objects left over {REQUESTS} requests"


def test_data_listener_echo_leaves_nothing_for_the_collector(loop: Loop, no_gc: None) -> None:
    def serve(sock: net.Socket) -> None:
        sock.on("data", sock.write)

    growth = _echo_rr(serve)
    assert growth < REQUESTS // 100, f"{growth} gc-tracked objects left over {REQUESTS} requests"


def test_the_count_would_show_a_leak(loop: Loop, no_gc: None) -> None:
    """The measurement's control: a server that keeps one list per request."""
    kept: list[list[bytes]] = []

    def serve(sock: net.Socket) -> None:
        def on_data(chunk: bytes) -> None:
            kept.append([chunk])
            sock.write(chunk)

        sock.on("data", on_data)

    growth = _echo_rr(serve)
    assert growth >= REQUESTS
