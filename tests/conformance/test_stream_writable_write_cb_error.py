"""Port of test/parallel/test-stream-writable-write-cb-error.js (Node v20).

The write callback runs before 'error', whether _write fails synchronously or
asynchronously; a synchronous failure does not live-lock a write loop.
"""

from __future__ import annotations

from typing import Any

from pynet import process, run
from pynet.stream import Writable


def test_sync_error(checker: Any) -> None:
    called = {"cb": False}
    writable = Writable(write=checker.must_call(lambda buf, enc, cb: cb(Exception())))

    def on_error(*args: Any) -> None:
        assert called["cb"] is True
    writable.on("error", checker.must_call(on_error))
    writable.write("hi", checker.must_call(lambda *a: called.__setitem__("cb", True)))
    run()


def test_async_error(checker: Any) -> None:
    called = {"cb": False}

    def write(buf: Any, enc: Any, cb: Any) -> None:
        process.nextTick(cb, Exception())
    writable = Writable(write=checker.must_call(write))

    def on_error(*args: Any) -> None:
        assert called["cb"] is True
    writable.on("error", checker.must_call(on_error))
    writable.write("hi", checker.must_call(lambda *a: called.__setitem__("cb", True)))
    run()


def test_no_live_lock(checker: Any) -> None:
    writable = Writable(write=checker.must_call(lambda buf, enc, cb: cb(Exception())))
    writable.on("error", checker.must_call())
    cnt = 0
    while writable.write("a"):
        cnt += 1
    assert cnt == 0
    run()
