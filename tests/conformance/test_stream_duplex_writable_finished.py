"""Port of test/parallel/test-stream-duplex-writable-finished.js (Node v20).

A Duplex has writableFinished: False while writing, True in 'finish' and in
end()'s callback.
"""

from __future__ import annotations

from typing import Any

from pynet import run
from pynet.stream import Duplex


def test_on_the_class() -> None:
    assert "writableFinished" in dir(Duplex)


def test_event(checker: Any) -> None:
    duplex = Duplex()

    def _write(chunk: Any, encoding: Any, cb: Any) -> None:
        assert duplex.writableFinished is False
        cb()
    duplex._write = _write  # type: ignore[method-assign]

    def finished(*args: Any) -> None:
        assert duplex.writableFinished is True
    duplex.on("finish", checker.must_call(finished))
    duplex.end("testing finished state", checker.must_call(finished))
    run()
