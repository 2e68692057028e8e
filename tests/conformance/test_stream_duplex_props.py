"""Port of test/parallel/test-stream-duplex-props.js (Node v20).

objectMode/highWaterMark apply to both sides; the readable*/writable*
variants set each side on its own.
"""

from __future__ import annotations

from pynet.stream import Duplex


def test_shared_options() -> None:
    d = Duplex(objectMode=True, highWaterMark=100)
    assert d.writableObjectMode is True
    assert d.writableHighWaterMark == 100
    assert d.readableObjectMode is True
    assert d.readableHighWaterMark == 100


def test_per_side_options() -> None:
    d = Duplex(readableObjectMode=False, readableHighWaterMark=10, writableObjectMode=True,
               writableHighWaterMark=100)
    assert d.writableObjectMode is True
    assert d.writableHighWaterMark == 100
    assert d.readableObjectMode is False
    assert d.readableHighWaterMark == 10
