"""Port of test/parallel/test-stream-pipe-await-drain-manual-resume.js (Node v20).

A manual resume() of a piped source paused for 'drain' does not reset the
await-drain count; once the buffered write callbacks run, it falls back to 0
and every chunk reaches the writable.
"""

from __future__ import annotations

from typing import Any

from pynet import nextTick, run
from pynet.stream import Readable, Writable


def await_drain(readable: Readable) -> int:
    # Node's readable._readableState.awaitDrain (awaitDrainWriters's size).
    return len(readable._r_await_drain or ())


def test_pipe_await_drain_manual_resume(checker: Any) -> None:
    # A consumer with a very low highWaterMark that starts by buffering the
    # chunks it receives rather than reporting them consumed.
    writable = Writable(highWaterMark=5)
    buffering = [True]
    queue: list[Any] = []

    def _write(chunk: Any, encoding: str, cb: Any) -> None:
        if buffering[0]:
            queue.append(cb)
        else:
            cb()
    writable._write = _write  # type: ignore[method-assign]

    readable = Readable(read=lambda n: None)
    readable.pipe(writable)

    def first_pause() -> None:
        assert await_drain(readable) == 1, "awaitDrain doesn't increase"
        # First pause, resume manually. The next write() still returns false
        # (chunks are still buffered), so the count goes up again.
        nextTick(checker.must_call(lambda: readable.resume()))

        def second_pause() -> None:
            assert await_drain(readable) == 1, ".resume() does not reset counter"
            # Handle all chunks from now on: once the queued callbacks run,
            # the count falls back to 0 and pending chunks flush.
            buffering[0] = False
            for cb in queue:
                cb()
        readable.once("pause", checker.must_call(second_pause))
    readable.once("pause", checker.must_call(first_pause))

    readable.push(bytes(100))  # Fills the writable's HWM: first 'pause'.
    readable.push(bytes(100))  # Second 'pause'.
    readable.push(bytes(100))  # Gets through to the writable.
    readable.push(None)

    def on_finish() -> None:
        assert await_drain(readable) == 0, "awaitDrain not 0 after all chunks are written"
    writable.on("finish", checker.must_call(on_finish))
    run()
