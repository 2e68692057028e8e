"""Port of test/parallel/test-stream2-readable-wrap.js (Node v20).

``readable.wrap(old)`` returns the Readable, which reads what an old-style
emitter emits ('data', 'end'), pausing it (``old.pause()``) when its buffer
is full and resuming it on the next read, with ``'pause'`` emitted once per
pause; piped into a slow Writable the chunks arrive whole and in order,
for buffers (hwm 100 and 10) and objects (falsy ones included: ``0``,
``False``, ``''``, ``[]``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from pynet import nextTick, run, setTimeout
from pynet.events import EventEmitter
from pynet.stream import Readable, Writable


def run_test(checker: Any, high_water_mark: int, object_mode: bool,
             produce: Callable[[], Any]) -> None:
    old = EventEmitter()
    r = Readable(highWaterMark=high_water_mark, objectMode=object_mode)
    assert r.wrap(old) is r
    r.on("end", checker.must_call())
    state = {"flowing": False, "chunks": 10, "old_ended": False, "pausing": False}
    expected: list[Any] = []

    def pause() -> None:
        old.emit("pause")
        state["flowing"] = False

    def resume() -> None:
        old.emit("resume")
        flow()

    old.pause = pause  # type: ignore[attr-defined]
    old.resume = resume  # type: ignore[attr-defined]

    def on_pause() -> None:
        # Make sure pause is only emitted once.
        assert state["pausing"] is False
        state["pausing"] = True
        nextTick(lambda: state.update(pausing=False))
    r.on("pause", on_pause)

    def flow() -> None:
        state["flowing"] = True
        while state["flowing"]:
            state["chunks"] -= 1
            if state["chunks"] < 0:
                break
            item = produce()
            expected.append(item)
            old.emit("data", item)
        if state["chunks"] <= 0:
            state["old_ended"] = True
            old.emit("end")

    written: list[Any] = []

    def write(chunk: Any, encoding: Any, cb: Any) -> None:
        written.append(chunk)
        setTimeout(cb, 1)
    w = Writable(highWaterMark=high_water_mark * 2, objectMode=object_mode, write=write)

    def perform_asserts() -> None:
        assert state["old_ended"]
        assert written == expected
    w.on("finish", checker.must_call(perform_asserts))
    r.pipe(w)
    flow()


OBJECT_CHUNKS = [5, "a", False, 0, "", "xyz", {"x": 4}, 7, [], 555]


@pytest.mark.parametrize("hwm, object_mode, produce", [
    (100, False, lambda: bytes(100)),
    (10, False, lambda: b"xxxxxxxxxx"),
    (1, True, lambda: {"foo": "bar"}),
    (1, True, lambda chunks=list(OBJECT_CHUNKS): chunks.pop(0)),
], ids=["buffers-100", "buffers-10", "objects", "falsy-objects"])
def test_wrap(checker: Any, hwm: int, object_mode: bool, produce: Any) -> None:
    run_test(checker, hwm, object_mode, produce)
    run()
