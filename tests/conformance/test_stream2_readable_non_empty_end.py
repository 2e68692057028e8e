"""Port of test/parallel/test-stream2-readable-non-empty-end.js (Node v20).

read(n) of all but one byte leaves the stream not ended; 'end' comes only
after the last byte is read.
"""

from __future__ import annotations

from typing import Any

from pynet import run, setTimeout
from pynet.stream import Readable


def test_non_empty_end(checker: Any) -> None:
    chunks = [bytes(i) for i in range(1, 11)]
    length = sum(len(c) for c in chunks)
    test = Readable()
    state = {"n": 0, "bytesread": 0}

    def _read(size: int) -> None:
        chunk = chunks[state["n"]] if state["n"] < len(chunks) else None
        state["n"] += 1
        setTimeout(lambda: test.push(chunk), 1)
    test._read = _read  # type: ignore[method-assign]

    def thrower() -> None:
        raise AssertionError("this should not happen!")
    test.on("end", thrower)

    def next_() -> None:
        test.removeListener("end", thrower)
        test.on("end", checker.must_call())
        r = test.read()
        assert r
        assert len(r) == 1
        assert test.read() is None

    def on_readable() -> None:
        b = length - state["bytesread"] - 1
        res = test.read(b)
        if res:
            state["bytesread"] += len(res)
            setTimeout(next_, 1)
        test.read(0)
    test.on("readable", on_readable)
    test.read(0)
    run()
