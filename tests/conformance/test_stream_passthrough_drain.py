"""Port of test/parallel/test-stream-passthrough-drain.js (Node v20).

A PassThrough with highWaterMark 0 refuses the first write and emits 'drain'
once it is read.
"""

from __future__ import annotations

from typing import Any

from pynet import run
from pynet.stream import PassThrough


def test_passthrough_drain(checker: Any) -> None:
    pt = PassThrough(highWaterMark=0)
    pt.on("drain", checker.must_call())
    assert not pt.write("hello1")
    pt.read()
    pt.read()
    run()
