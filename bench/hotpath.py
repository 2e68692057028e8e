"""Per-chunk and per-loop-turn cost of pynet's hot path, with the syscalls faked out.

    python bench/hotpath.py [--n N]

1. A chunk through a piped socket (``s.pipe(s)``), through a ``'data'``
   listener calling ``write``, and through ``async for chunk in s: s.write(chunk)``
   (issue 12's echo): ``recv`` -> ``push`` -> ``'data'`` (or ``'readable'`` and the
   iterator's microtasks) -> ``write`` -> the Writable state machine -> ``send`` ->
   completion, on a fake socket whose ``recv``/``send`` return at once, so only
   pynet's Python work is timed.
2. One turn of the loop with nothing ready (poll with timeout 0, phase checks).

docs/benchmarks.md quotes these numbers to explain where the CPU time per
request goes.
"""

from __future__ import annotations

import argparse
import socket
import time
from typing import Any

from pynet import Promise, net
from pynet._core.loop import Loop, set_loop
from pynet._handles.stream import StreamHandle


class _FakeSock:
    family = socket.AF_INET

    def __init__(self) -> None:
        self.data = b"x" * 64
        # A real, never-ready descriptor for the loop to watch (epoll needs one): patching the
        # loop's watch methods instead is impossible in the compiled build (setup.py).
        self._idle = socket.socketpair()

    def setblocking(self, flag: bool) -> None:
        pass

    def fileno(self) -> int:
        return self._idle[0].fileno()

    def recv(self, n: int) -> bytes:
        return self.data

    def send(self, data: Any) -> int:
        return len(data)


def per_chunk(mode: str, n: int) -> float:
    loop = Loop()
    set_loop(loop)
    handle = StreamHandle(loop, _FakeSock(), False)  # type: ignore[arg-type]
    sock = net.Socket(handle=handle)
    if mode == "pipe":
        sock.pipe(sock)
    elif mode == "data":
        sock.on("data", sock.write)
    else:
        async def echo() -> None:
            async for chunk in sock:
                sock.write(chunk)

        Promise.resolve(echo())
    loop._drain_ticks()
    handle.reading = True
    read = handle.on_readable
    start = time.perf_counter()
    for _ in range(n):
        read()
        if loop._ticks:
            loop._drain_ticks()
    elapsed = time.perf_counter() - start
    set_loop(None)
    return elapsed / n * 1e6


def per_turn(n: int) -> float:
    loop = Loop()
    loop.add_ref()
    now = loop.clock.now
    start = time.perf_counter()
    for _ in range(n):
        loop.alive()
        loop._poll_epoll(0.0) if loop._epoll is not None else loop._poll()
        loop._now = now()
    elapsed = time.perf_counter() - start
    loop.remove_ref()
    loop.close()
    return elapsed / n * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=200_000)
    args = parser.parse_args()
    for mode, what in (("pipe", "'data' -> pipe"), ("data", "'data'"),
                       ("async", "async for")):
        best = min(per_chunk(mode, args.n) for _ in range(3))
        print(f"per chunk, {mode:5}: {best:.2f} us (read -> {what} -> write, syscalls faked)")
    print(f"per loop turn:   {min(per_turn(args.n) for _ in range(3)):.2f} us (nothing ready)")


if __name__ == "__main__":
    main()
