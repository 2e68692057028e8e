"""Port of test/parallel/test-stream-writable-writable.js (Node v20).

writable turns False on destroy(), on a write error (sync or async) and on
end().
"""

from __future__ import annotations

from typing import Any

from pynet import process, run
from pynet.stream import Writable


def test_destroy(checker: Any) -> None:
    w = Writable(write=lambda *a: None)
    assert w.writable is True
    w.destroy()
    assert w.writable is False
    run()


def test_sync_write_error(checker: Any) -> None:
    def write(chunk: Any, encoding: Any, callback: Any) -> None:
        callback(Exception())
    w = Writable(write=checker.must_call(write))
    assert w.writable is True
    w.write("asd")
    assert w.writable is False
    w.on("error", checker.must_call())
    run()


def test_async_write_error(checker: Any) -> None:
    w: Writable

    def write(chunk: Any, encoding: Any, callback: Any) -> None:
        def later() -> None:
            callback(Exception())
            assert w.writable is False
        process.nextTick(later)
    w = Writable(write=checker.must_call(write))
    w.write("asd")
    w.on("error", checker.must_call())
    run()


def test_end(checker: Any) -> None:
    w = Writable(write=checker.must_not_call())
    assert w.writable is True
    w.end()
    assert w.writable is False
    run()
