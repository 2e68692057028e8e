"""Port of test/parallel/test-stream-pipe-await-drain-push-while-write.js (Node v20).

A push above the high water mark from inside the piped writable's write()
leaves the source's await-drain set empty, then and on the next tick: the
writable calls back synchronously, so the source never waits for 'drain'.
(The stored copy of the Node test predates awaitDrainWriters and expects a
count of 1 on the next tick; node v20.20 has awaitDrainWriters null there,
and this port follows node v20.)
"""

from __future__ import annotations

from typing import Any

from pynet import nextTick, run
from pynet.stream import Readable, Writable


def await_drain(readable: Readable) -> int:
    # Node's readable._readableState.awaitDrain (awaitDrainWriters's size).
    return len(readable._r_await_drain or ())


def test_pipe_await_drain_push_while_write(checker: Any) -> None:
    def write(chunk: Any, encoding: str, cb: Any) -> None:
        assert await_drain(readable) == 0, "State variable awaitDrain is not correct."
        if len(chunk) == 32 * 1024:  # the first chunk
            readable.push(bytes(34 * 1024))  # above hwm

            # Still not waiting after this method returns (node v20).
            def later() -> None:
                assert await_drain(readable) == 0, "awaitDrainWriters is not null"
            nextTick(checker.must_call(later))
        cb()
    writable = Writable(write=checker.must_call(write, 3))

    # A readable producing two buffers, the second above hwm.
    bufs = [bytes(32 * 1024), bytes(33 * 1024)]

    def read(n: int) -> None:
        while bufs:
            readable.push(bufs.pop(0))
    readable = Readable(read=read)
    readable.pipe(writable)
    run()
