"""Port of test/parallel/test-stream3-pause-then-read.js (Node v20).

One stream used every way in turn, nothing lost in between: read(100) in
paused mode, then 'data' until 100 bytes (the surplus unshifted back), pipe
200 bytes then unpipe (the surplus unshifted), read(1234), resume/pause many
times, then pipe the rest.
"""

from __future__ import annotations

from typing import Any

from pynet import nextTick, run, setImmediate
from pynet.stream import Readable, Writable


def test_pause_then_read(checker: Any) -> None:
    total_chunks = 100
    chunk_size = 99
    expect_total_data = total_chunks * chunk_size
    expect_ending_data = [expect_total_data]
    r = Readable(highWaterMark=1000)
    chunks = [total_chunks]
    total_pushed = [0]

    def push() -> None:
        chunks[0] -= 1
        chunk = b"x" * chunk_size if chunks[0] + 1 > 0 else None
        if chunk:
            total_pushed[0] += len(chunk)
        r.push(chunk)

    def _read(n: int) -> None:
        if not chunks[0] % 2:
            setImmediate(push)
        elif not chunks[0] % 3:
            nextTick(push)
        else:
            push()
    r._read = _read  # type: ignore[method-assign]

    def readn(n: int, then: Any) -> None:
        expect_ending_data[0] -= n

        def read() -> None:
            c = r.read(n)
            if not c:
                r.once("readable", read)
            else:
                assert len(c) == n
                assert not r.readableFlowing
                then()
        read()

    def on_data() -> None:
        # Then listen to some 'data' events.
        expect_ending_data[0] -= 100
        seen = [0]

        def od(c: bytes) -> None:
            seen[0] += len(c)
            if seen[0] >= 100:
                # Seen enough.
                r.removeListener("data", od)
                r.pause()
                if seen[0] > 100:
                    # Seen too much: put the extra back.
                    diff = seen[0] - 100
                    r.unshift(c[len(c) - diff:])
                # Nothing is lost in between.
                setImmediate(pipe_little)
        r.on("data", od)

    def pipe_little() -> None:
        # Pipe just 200 bytes, then unshift the extra and unpipe.
        expect_ending_data[0] -= 200
        w = Writable()
        written = [0]

        def finish() -> None:
            assert written[0] == 200
            setImmediate(read1234)
        w.on("finish", checker.must_call(finish))

        def _write(chunk: bytes, encoding: str, cb: Any) -> None:
            written[0] += len(chunk)
            if written[0] >= 200:
                r.unpipe(w)
                w.end()
                cb()
                if written[0] > 200:
                    diff = written[0] - 200
                    written[0] -= diff
                    r.unshift(chunk[len(chunk) - diff:])
            else:
                setImmediate(cb)
        w._write = _write  # type: ignore[method-assign]
        r.pipe(w)

    def read1234() -> None:
        readn(1234, resume_pause)

    def resume_pause() -> None:
        # Read nothing: just resume and pause again a whole bunch.
        for _ in range(5):
            r.resume()
            r.pause()
        setImmediate(pipe)

    def pipe() -> None:
        w = Writable()
        written = [0]

        def _write(chunk: bytes, encoding: str, cb: Any) -> None:
            written[0] += len(chunk)
            cb()
        w._write = _write  # type: ignore[method-assign]

        def finish() -> None:
            assert written[0] == expect_ending_data[0]
            assert total_pushed[0] == expect_total_data
        w.on("finish", checker.must_call(finish))
        r.pipe(w)

    # First read 100 bytes.
    readn(100, on_data)
    run()
