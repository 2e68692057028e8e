"""Port of test/parallel/test-stream-pipe-after-end.js (Node v20).

An ended Readable emits 'end' only once read; piping an already-ended
Readable still ends (and finishes) the destination.
"""

from __future__ import annotations

from typing import Any

from pynet import run, setTimeout
from pynet.stream import Readable, Writable


class EndingReadable(Readable):
    def __init__(self, opt: Any = None) -> None:
        super().__init__(opt)
        self.ended_ = False

    def _read(self, n: int) -> None:
        if self.ended_:
            self.emit("error", Exception("_read called twice"))
        self.ended_ = True
        self.push(None)


class RecordingWritable(Writable):
    def __init__(self, opt: Any = None) -> None:
        super().__init__(opt)
        self.written: list[Any] = []

    def _write(self, chunk: Any, encoding: str, cb: Any) -> None:
        self.written.append(chunk)
        cb()


def test_pipe_after_end(checker: Any) -> None:
    ender = EndingReadable()
    piper = EndingReadable()
    piper.read()

    def later() -> None:
        ender.on("end", checker.must_call())
        assert ender.read() is None
        w = RecordingWritable()
        w.on("finish", checker.must_call())
        piper.pipe(w)
    setTimeout(checker.must_call(later), 1)
    run()
