"""Port of test/parallel/test-stream-unpipe-event.js (Node v20).

'pipe' always, 'unpipe' when the source ends (with or without end: False)
or is unpiped, never while a source is still open.
"""

from __future__ import annotations

from typing import Any

import pytest

from pynet import run, setImmediate
from pynet.stream import Readable, Writable


class NullWriteable(Writable):
    def _write(self, chunk: Any, encoding: Any, callback: Any) -> None:
        callback()


class QuickEndReadable(Readable):
    def _read(self, size: int) -> None:
        self.push(None)


class NeverEndReadable(Readable):
    def _read(self, size: int) -> None:
        pass


@pytest.mark.parametrize("options", [None, {"end": False}])
@pytest.mark.parametrize(("source", "unpipe", "unpiped", "left"), [
    (QuickEndReadable, False, True, 0),
    (NeverEndReadable, False, False, 1),
    (NeverEndReadable, True, True, 0),
])
def test_unpipe_event(checker: Any, options: Any, source: type[Readable], unpipe: bool,
                      unpiped: bool, left: int) -> None:
    dest = NullWriteable()
    src = source()
    dest.on("pipe", checker.must_call())
    dest.on("unpipe", checker.must_call() if unpiped else checker.must_not_call())
    src.pipe(dest, options)
    if unpipe:
        src.unpipe(dest)

    def check() -> None:
        assert len(src._r_pipes or []) == left
    setImmediate(checker.must_call(check))
    run()
