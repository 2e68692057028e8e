"""Port of test/parallel/test-stream-duplex-end.js (Node v20).

allowHalfOpen (default True) keeps the writable side open after 'end'; with
False it ends it ('finish'), unless the writable side has already ended.
"""

from __future__ import annotations

from typing import Any

from pynet import run
from pynet.stream import Duplex


def test_half_open_by_default(checker: Any) -> None:
    stream = Duplex(read=lambda: None)
    assert stream.allowHalfOpen is True
    stream.on("finish", checker.must_not_call())
    assert stream.listenerCount("end") == 0
    stream.resume()
    stream.push(None)
    run()


def test_allow_half_open_false_finishes(checker: Any) -> None:
    stream = Duplex(read=lambda: None, allowHalfOpen=False)
    assert stream.allowHalfOpen is False
    stream.on("finish", checker.must_call())
    assert stream.listenerCount("end") == 0
    stream.resume()
    stream.push(None)
    run()


def test_allow_half_open_false_already_ended(checker: Any) -> None:
    stream = Duplex(read=lambda: None, allowHalfOpen=False)
    assert stream.allowHalfOpen is False
    stream._w_ended = True  # Node: stream._writableState.ended = true
    stream.on("finish", checker.must_not_call())
    assert stream.listenerCount("end") == 0
    stream.resume()
    stream.push(None)
    run()
