"""Port of test/parallel/test-stream-unshift-read-race.js (Node v20).

unshift() does not cause colliding _read() calls; after the EOF push an
unshift() just adds a chunk, a push() is ERR_STREAM_PUSH_AFTER_EOF (raised,
as autoDestroy is off and nothing listens for 'error'); _read() is not called
after the EOF push.
"""

from __future__ import annotations

import math
from typing import Any

from pynet import errors, run, setTimeout
from pynet.stream import Readable, Writable


def test_unshift_read_race(checker: Any) -> None:
    hwm = 10
    r = Readable(highWaterMark=hwm, autoDestroy=False)
    chunks = 10
    data = bytes(b"asdf"[i % 4] for i in range(chunks * hwm + math.ceil(hwm / 2)))
    pos = [0]
    pushed_null = [False]

    def push_error() -> None:
        r.unshift(bytes(1))
        w.end()
        # autoDestroy is off, so the error is emitted at once and, with no
        # listener, raised out of push().
        try:
            r.push(bytes(1))
        except errors.NodeError as exc:
            assert exc.code == "ERR_STREAM_PUSH_AFTER_EOF"
            assert str(exc) == "stream.push() after EOF"
        else:
            raise AssertionError("push() after EOF did not throw")

    def _read(n: int) -> None:
        assert not pushed_null[0], "_read after null push"
        fast = not (chunks % 3)  # Every third chunk is fast (never, as in Node).
        c = None if pos[0] >= len(data) else data[pos[0]:pos[0] + n]
        pushed_null[0] = c is None

        def do_push() -> None:
            pos[0] += n
            r.push(c)
            if c is None:
                push_error()
        if fast:
            do_push()
        else:
            setTimeout(do_push, 1)
    r._read = _read  # type: ignore[method-assign]

    w = Writable()
    written: list[str] = []

    def _write(chunk: bytes, encoding: str, cb: Any) -> None:
        written.append(chunk.decode())
        cb()
    w._write = _write  # type: ignore[method-assign]

    r.on("end", checker.must_not_call())

    def on_readable() -> None:
        while (chunk := r.read(10)) is not None:
            w.write(chunk)
            if len(chunk) > 4:
                r.unshift(b"1234")
    r.on("readable", on_readable)

    def on_finish() -> None:
        # Each chunk starts with 1234, then asdfasdf...; the first was read
        # before the first unshift('1234').
        assert written[0] == "asdfasdfas"
        asdf = "d"
        nxt = {"a": "s", "s": "d", "d": "f", "f": "a"}
        for text in written[1:]:
            assert text[:4] == "1234"
            for c in text[4:]:
                assert c == asdf
                asdf = nxt[asdf]
    w.on("finish", checker.must_call(on_finish))
    run()
    assert len(written) == 18
