"""Port of test/parallel/test-stream-writable-write-cb-twice.js (Node v20).

A write callback called twice (sync or async) is ERR_MULTIPLE_CALLBACK.
"""

from __future__ import annotations

from typing import Any

import pytest

from pynet import nextTick, run
from pynet.stream import Writable


def sync_sync(buf: Any, enc: Any, cb: Any) -> None:
    cb()
    cb()


def sync_async(buf: Any, enc: Any, cb: Any) -> None:
    cb()
    nextTick(lambda: cb())


def async_async(buf: Any, enc: Any, cb: Any) -> None:
    nextTick(cb)
    nextTick(lambda: cb())


@pytest.mark.parametrize("write", [sync_sync, sync_async, async_async])
def test_callback_twice(checker: Any, write: Any) -> None:
    writable = Writable(write=checker.must_call(write))
    writable.write("hi")

    def on_error(err: Any) -> None:
        assert err.code == "ERR_MULTIPLE_CALLBACK"
        assert type(err).__mro__[1].__name__ == "NodeError"
    writable.on("error", checker.must_call(on_error))
    run()
