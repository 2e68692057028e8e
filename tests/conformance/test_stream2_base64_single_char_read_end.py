"""Port of test/parallel/test-stream2-base64-single-char-read-end.js (Node v20).

A one-byte base64 source piped to a Writable flushes its padded tail ('MQ==')
at the end.
"""

from __future__ import annotations

from typing import Any

from pynet import clearTimeout, process, run, setTimeout
from pynet.stream import Readable, Writable


def test_base64_single_char_read_end(checker: Any) -> None:
    src = Readable(encoding="base64")
    dst = Writable()
    state = {"has_read": False}
    accum: list[bytes] = []

    def _read(n: int) -> None:
        if not state["has_read"]:
            state["has_read"] = True

            def later() -> None:
                src.push(b"1")
                src.push(None)
            process.nextTick(later)
    src._read = _read  # type: ignore[method-assign]

    def _write(chunk: Any, enc: Any, cb: Any) -> None:
        accum.append(bytes(chunk))
        cb()
    dst._write = _write  # type: ignore[method-assign]

    def timed_out() -> None:
        raise AssertionError("timed out waiting for _write")
    timeout = setTimeout(timed_out, 100)

    def on_end() -> None:
        assert b"".join(accum).decode() == "MQ=="
        clearTimeout(timeout)
    src.on("end", checker.must_call(on_end))
    src.pipe(dst)
    run()
