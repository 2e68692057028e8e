"""Port of test/parallel/test-fs-write-stream-autoclose-option.js (Node v20).

autoClose false: after 'finish' the stream is neither closed nor destroyed and
its fd is reusable by a stream made from it (which does close it); autoClose
true closes at 'close' with fd None.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pynet import fs, nextTick, run


def test_auto_close(checker: Any, tmp_path: Path) -> None:
    file = str(tmp_path / "write-autoclose-opt1.txt")
    first = fs.createWriteStream(file, {"flags": "w+", "autoClose": False})
    assert first.autoClose is False
    first.write("Test1")
    first.end()

    def next3() -> None:
        stream = fs.createWriteStream(file, {"autoClose": True})
        stream.write("Test3")
        stream.end()

        def on_finish() -> None:
            assert stream.closed is False

            def on_close() -> None:
                assert stream.fd is None
                assert stream.closed is True
            stream.on("close", checker.must_call(on_close))
        stream.on("finish", checker.must_call(on_finish))

    def next2() -> None:
        def read(err: Any, data: bytes) -> None:
            assert err is None
            assert data == b"Test2"
            nextTick(checker.must_call(next3))
        fs.readFile(file, checker.must_call(read))

    def next1() -> None:
        stream = fs.createWriteStream(None, {"fd": first.fd, "start": 0})
        stream.write("Test2")
        stream.end()

        def on_finish() -> None:
            assert stream.closed is False

            def on_close() -> None:
                assert stream.fd is None
                assert stream.closed is True
                nextTick(next2)
            stream.on("close", checker.must_call(on_close))
        stream.on("finish", checker.must_call(on_finish))

    def on_first_finish() -> None:
        first.on("close", checker.must_not_call())

        def later() -> None:
            assert first.closed is False
            assert first.fd is not None
            next1()
        nextTick(checker.must_call(later))
    first.on("finish", checker.must_call(on_first_finish))
    run()
    # Node also checks that WriteStream.prototype.autoClose throws ERR_INVALID_THIS;
    # a Python property read on the class is the property object itself.
