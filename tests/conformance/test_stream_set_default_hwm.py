"""Port of test/parallel/test-stream-set-default-hwm.js (Node v20).

setDefaultHighWaterMark(objectMode, value) changes the high water mark of
streams made afterwards; getDefaultHighWaterMark reads it back.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from pynet.stream import (
    Readable,
    Transform,
    Writable,
    getDefaultHighWaterMark,
    setDefaultHighWaterMark,
)


@pytest.fixture
def restore_defaults() -> Iterator[None]:
    saved = getDefaultHighWaterMark(False), getDefaultHighWaterMark(True)
    yield
    setDefaultHighWaterMark(False, saved[0])
    setDefaultHighWaterMark(True, saved[1])


def test_set_default_hwm(restore_defaults: None) -> None:
    assert getDefaultHighWaterMark(False) != 32 * 1000
    setDefaultHighWaterMark(False, 32 * 1000)
    assert getDefaultHighWaterMark(False) == 32 * 1000
    assert getDefaultHighWaterMark(True) != 32
    setDefaultHighWaterMark(True, 32)
    assert getDefaultHighWaterMark(True) == 32

    w = Writable(write=lambda: None)
    assert w.writableHighWaterMark == 32 * 1000
    r = Readable(read=lambda: None)
    assert r.readableHighWaterMark == 32 * 1000
    t = Transform(transform=lambda: None)
    assert t.writableHighWaterMark == 32 * 1000
    assert t.readableHighWaterMark == 32 * 1000
