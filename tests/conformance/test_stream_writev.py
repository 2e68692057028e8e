"""Port of test/parallel/test-stream-writev.js (Node v20).

Corked writes reach _writev together, in order, with their encodings (or as
Buffers with decodeStrings); every write callback runs, in order, before
'finish'; a writev option alone serves a single write.
"""

from __future__ import annotations

from typing import Any

import pytest

from pynet import run
from pynet.stream import Writable


@pytest.mark.parametrize("multi", [False, True])
@pytest.mark.parametrize("uncork", [False, True])
@pytest.mark.parametrize("decode", [False, True])
def test_writev(checker: Any, decode: bool, uncork: bool, multi: bool) -> None:
    state = {"counter": 0, "expect_count": 0}

    def cnt(msg: str) -> Any:
        state["expect_count"] += 1
        expect = state["expect_count"]

        def cb(er: Any = None) -> None:
            assert er is None
            state["counter"] += 1
            assert state["counter"] == expect
        return cb

    w = Writable(decodeStrings=decode)
    w._write = checker.must_not_call("Should not call _write")  # type: ignore[method-assign]

    expect_chunks: list[dict[str, Any]] = [
        {"encoding": "buffer", "chunk": [104, 101, 108, 108, 111, 44, 32]},
        {"encoding": "buffer", "chunk": [119, 111, 114, 108, 100]},
        {"encoding": "buffer", "chunk": [33]},
        {"encoding": "buffer", "chunk": [10, 97, 110, 100, 32, 116, 104, 101, 110, 46, 46, 46]},
        {"encoding": "buffer", "chunk": [250, 206, 190, 167, 222, 173, 190, 239, 222, 202, 251, 173]},
    ] if decode else [
        {"encoding": "ascii", "chunk": "hello, "},
        {"encoding": "utf8", "chunk": "world"},
        {"encoding": "buffer", "chunk": [33]},
        {"encoding": "latin1", "chunk": "\nand then..."},
        {"encoding": "hex", "chunk": "facebea7deadbeefdecafbad"},
    ]
    actual: list[dict[str, Any]] = []

    def _writev(chunks: Any, cb: Any) -> None:
        actual[:] = [{"encoding": c.encoding,
                      "chunk": c.chunk if isinstance(c.chunk, str) else list(c.chunk)}
                     for c in chunks]
        cb()
    w._writev = _writev  # type: ignore[method-assign]

    w.cork()
    w.write("hello, ", "ascii", cnt("hello"))
    w.write("world", "utf8", cnt("world"))
    if multi:
        w.cork()
    w.write(b"!", "buffer", cnt("!"))
    w.write("\nand then...", "latin1", cnt("and then"))
    if multi:
        w.uncork()
    w.write("facebea7deadbeefdecafbad", "hex", cnt("hex"))
    if uncork:
        w.uncork()
    w.end(cnt("end"))

    def on_finish() -> None:
        cnt("finish")()
        assert actual == expect_chunks
    w.on("finish", checker.must_call(on_finish))
    run()


def test_writev_option_alone(checker: Any) -> None:
    w = Writable(writev=checker.must_call(lambda chunks, cb: cb()))
    w.write("asd", checker.must_call())
    run()
