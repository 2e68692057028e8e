"""Port of test/parallel/test-stream3-cork-end.js (Node v20).

cork() buffers writes; end() flushes them in the same tick and 'finish'
follows on a later tick.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pynet import run, setImmediate
from pynet.stream import Writable


def test_cork_end(checker: Any) -> None:
    expected_chunks = ["please", "buffer", "me", "kindly"]
    input_chunks = list(expected_chunks)
    seen: dict[str, Any] = {"chunks": [], "end": False}

    w = Writable()

    def _write(chunk: Any, encoding: Any, cb: Any) -> None:
        assert not seen["end"]
        assert encoding == "buffer"
        seen["chunks"].append(chunk)
        cb()
    w._write = _write  # type: ignore[method-assign]
    w.on("finish", lambda: seen.__setitem__("end", True))

    def write_chunks(remaining: list[str], callback: Callable[[], None]) -> None:
        if remaining:
            chunk = remaining.pop(0)

            def later() -> None:
                assert w.write(chunk)
                write_chunks(remaining, callback)
            setImmediate(later)
        else:
            callback()

    w.write("stuff")
    assert len(seen["chunks"]) == 1
    seen["chunks"] = []
    w.cork()

    def done() -> None:
        assert len(seen["chunks"]) == 0
        w.end()
        assert not seen["end"]
        assert len(seen["chunks"]) == 4
        assert [bytes(c) for c in seen["chunks"]] == [c.encode() for c in expected_chunks]

        def next_tick_check() -> None:
            assert seen["end"]
        setImmediate(checker.must_call(next_tick_check))
    write_chunks(input_chunks, checker.must_call(done))
    run()
