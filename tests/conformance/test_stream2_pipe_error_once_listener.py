"""Port of test/parallel/test-stream2-pipe-error-once-listener.js (Node v20).

A destination's own once('error') listener handles an error during a pipe:
nothing is thrown.
"""

from __future__ import annotations

from typing import Any

from pynet import run
from pynet.stream import Readable, Writable


class Read(Readable):
    def _read(self, size: int) -> None:
        self.push("x")
        self.push(None)


class Write(Writable):
    def _write(self, buffer: Any, encoding: Any, cb: Any) -> None:
        self.emit("error", Exception("boom"))
        self.emit("alldone")


def test_pipe_error_once_listener(checker: Any) -> None:
    read = Read()
    write = Write()
    write.once("error", lambda *a: None)
    write.once("alldone", checker.must_call())
    read.pipe(write)
    run()
