"""Port of test/parallel/test-stream-transform-split-highwatermark.js (Node v20).

readableHighWaterMark/writableHighWaterMark set one side of a Duplex;
highWaterMark overrides both; None means the default; NaN raises
ERR_INVALID_ARG_VALUE; plain Readable/Writable ignore the split options.
"""

from __future__ import annotations

from typing import Any

import pytest

from pynet import run
from pynet.stream import Readable, Transform, Writable, getDefaultHighWaterMark

DEFAULT = getDefaultHighWaterMark(False)


def check(readable_hwm: int, writable_hwm: int, **options: Any) -> None:
    t = Transform(options)
    assert t.readableHighWaterMark == readable_hwm
    assert t.writableHighWaterMark == writable_hwm


def test_split_highwatermark(checker: Any) -> None:
    check(666, DEFAULT, readableHighWaterMark=666)
    check(DEFAULT, 777, writableHighWaterMark=777)
    check(666, 777, readableHighWaterMark=666, writableHighWaterMark=777)

    check(555, 555, highWaterMark=555, readableHighWaterMark=666)
    check(555, 555, highWaterMark=555, writableHighWaterMark=777)
    check(555, 555, highWaterMark=555, readableHighWaterMark=666, writableHighWaterMark=777)

    check(DEFAULT, DEFAULT, readableHighWaterMark=None)
    check(DEFAULT, DEFAULT, writableHighWaterMark=None)
    check(666, DEFAULT, highWaterMark=None, readableHighWaterMark=666)
    check(DEFAULT, 777, highWaterMark=None, writableHighWaterMark=777)
    run()


@pytest.mark.parametrize("name", ["readableHighWaterMark", "writableHighWaterMark"])
def test_nan(name: str) -> None:
    with pytest.raises(TypeError) as info:
        Transform({name: float("nan")})
    assert getattr(info.value, "code", None) == "ERR_INVALID_ARG_VALUE"
    assert str(info.value) == f"The property 'options.{name}' is invalid. Received NaN"


def test_non_duplex_streams_ignore_the_options() -> None:
    r = Readable(readableHighWaterMark=666)
    assert r.readableHighWaterMark == DEFAULT
    w = Writable(writableHighWaterMark=777)
    assert w.writableHighWaterMark == DEFAULT
