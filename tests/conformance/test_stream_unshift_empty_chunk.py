"""Port of test/parallel/test-stream-unshift-empty-chunk.js (Node v20).

unshift() of an empty chunk does not reset the reading state: a parser that
puts back half a chunk, then nothing, sees every chunk.
"""

from __future__ import annotations

from typing import Any

from pynet import run, setImmediate
from pynet.stream import Readable


def test_unshift_empty_chunk(checker: Any) -> None:
    r = Readable()
    state = {"n_chunks": 10, "read_all": False}
    chunk = b"x" * 10

    def _read(n: int) -> None:
        def later() -> None:
            state["n_chunks"] -= 1
            r.push(None if state["n_chunks"] == 0 else chunk)
        setImmediate(later)
    r._read = _read  # type: ignore[method-assign]

    seen: list[str] = []

    def on_readable() -> None:
        while (data := r.read()) is not None:
            seen.append(bytes(data).decode())
            put_back = b"y" * (0 if state["read_all"] else 5)
            state["read_all"] = not state["read_all"]
            r.unshift(put_back)
    r.on("readable", on_readable)

    def on_end() -> None:
        assert seen == ["xxxxxxxxxx", "yyyyy"] * 9
    r.on("end", checker.must_call(on_end))
    run()
