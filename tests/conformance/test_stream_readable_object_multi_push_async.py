"""Port of test/parallel/test-stream-readable-object-multi-push-async.js (Node v20).

An object-mode _read that pushes batches from an asynchronous fetch is
called once per batch (plus the empty one that ends it), with 'readable' or
'data' consumers; a stream ended before any read never calls _read and ends
after the current tick.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from pynet import process, run, setImmediate, setTimeout
from pynet.stream import Readable

MAX = 42
BATCH = 10


def make(checker: Any, calls: int, end_in_batch: bool) -> tuple[Readable, dict[str, int]]:
    state = {"i": 0}
    readable: Readable

    def fetch_data(cb: Callable[..., None]) -> None:
        if not end_in_batch and state["i"] > MAX:
            setTimeout(cb, 10, None, [])
            return
        batch = list(range(state["i"], state["i"] + BATCH))
        state["i"] += BATCH
        setTimeout(cb, 10, None, batch)

    def read(*args: Any) -> None:
        def on_data(err: Any, data: list[int]) -> None:
            if err:
                readable.destroy(err)
                return
            if not end_in_batch and len(data) == 0:
                readable.push(None)
                return
            for d in data:
                readable.push(d)
            if end_in_batch and data[BATCH - 1] >= MAX:
                readable.push(None)
        fetch_data(on_data)
    readable = Readable(objectMode=True, read=checker.must_call(read, calls))

    def on_end() -> None:
        assert state["i"] == (MAX // BATCH + 1) * BATCH
    readable.on("end", checker.must_call(on_end))
    return readable, state


@pytest.mark.parametrize("consumer", ["readable", "data"])
def test_empty_batch_ends(checker: Any, consumer: str) -> None:
    readable, _ = make(checker, MAX // BATCH + 2, end_in_batch=False)
    if consumer == "readable":
        def on_readable() -> None:
            while readable.read() is not None:
                pass
        readable.on("readable", on_readable)
    else:
        readable.on("data", lambda data: None)
    run()


def test_push_null_after_last_batch(checker: Any) -> None:
    readable, _ = make(checker, MAX // BATCH + 1, end_in_batch=True)
    readable.on("data", lambda data: None)
    run()


def test_ended_before_reading(checker: Any) -> None:
    readable = Readable(objectMode=True, read=checker.must_not_call())
    readable.on("data", checker.must_not_call())
    readable.push(None)
    state = {"next_tick_passed": False}
    process.nextTick(lambda: state.__setitem__("next_tick_passed", True))

    def on_end() -> None:
        assert state["next_tick_passed"] is True
    readable.on("end", checker.must_call(on_end))
    run()


def test_push_in_immediate(checker: Any) -> None:
    readable = Readable(objectMode=True, read=checker.must_call())
    readable.on("data", lambda data: None)
    readable.on("end", checker.must_call())

    def later() -> None:
        readable.push("aaa")
        readable.push(None)
    setImmediate(later)
    run()
