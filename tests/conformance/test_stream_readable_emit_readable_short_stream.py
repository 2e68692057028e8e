"""Port of test/parallel/test-stream-readable-emit-readable-short-stream.js (Node v20).

'readable' fires (once or twice, as in Node) for a short stream: a piped
Readable into a Transform, a Transform ended with or after a write, and a
Readable pushed to synchronously or on the next tick.
"""

from __future__ import annotations

from typing import Any

from pynet import nextTick, run
from pynet.stream import Readable, Transform


def _text(chunk: Any) -> str:
    return chunk.decode() if isinstance(chunk, (bytes, bytearray)) else str(chunk)


def drain(t: Any) -> Any:
    def on_readable() -> None:
        while True:
            chunk = t.read()
            if not chunk:
                break
            assert _text(chunk) == "content"
    return on_readable


def make_transform(checker: Any) -> Transform:
    def transform(chunk: Any, encoding: str, callback: Any) -> Any:
        t.push(chunk)
        return callback()
    t = Transform(transform=checker.must_call(transform),
                  flush=checker.must_call(lambda callback: callback()))
    return t


def test_piped_readable(checker: Any) -> None:
    def read(n: int) -> None:
        r.push("content")
        r.push(None)
    r = Readable(read=checker.must_call(read))
    t = make_transform(checker)
    r.pipe(t)
    t.on("readable", checker.must_call(drain(t), 2))
    run()


def test_end_with_chunk(checker: Any) -> None:
    t = make_transform(checker)
    t.end("content")
    t.on("readable", checker.must_call(drain(t)))
    run()


def test_write_then_end(checker: Any) -> None:
    t = make_transform(checker)
    t.write("content")
    t.end()
    t.on("readable", checker.must_call(drain(t)))
    run()


def test_sync_push(checker: Any) -> None:
    t = Readable(read=lambda n: None)
    t.on("readable", checker.must_call(drain(t)))
    t.push("content")
    t.push(None)
    run()


def test_push_next_tick(checker: Any) -> None:
    t = Readable(read=lambda n: None)
    t.on("readable", checker.must_call(drain(t), 2))

    def later() -> None:
        t.push("content")
        t.push(None)
    nextTick(later)
    run()


def test_listener_before_write(checker: Any) -> None:
    t = make_transform(checker)
    t.on("readable", checker.must_call(drain(t), 2))
    t.write("content")
    t.end()
    run()
