"""Port of test/parallel/test-stream-duplex-readable-writable.js (Node v20).

A Duplex made with readable=False refuses pushes (ERR_STREAM_PUSH_AFTER_EOF);
with writable=False it refuses writes (ERR_STREAM_WRITE_AFTER_END).  (The
``for await`` block belongs to the promise machinery.)
"""

from __future__ import annotations

from typing import Any

from pynet import run
from pynet.stream import Duplex


def test_not_readable(checker: Any) -> None:
    duplex = Duplex(readable=False)
    assert duplex.readable is False
    duplex.push("asd")
    duplex.on("error", checker.must_call(
        lambda err: err.code == "ERR_STREAM_PUSH_AFTER_EOF" or _fail(err)))
    duplex.on("data", checker.must_not_call())
    duplex.on("end", checker.must_not_call())
    run()


def test_not_writable(checker: Any) -> None:
    duplex = Duplex(writable=False, write=checker.must_not_call())
    assert duplex.writable is False
    duplex.write("asd")
    duplex.on("error", checker.must_call(
        lambda err: err.code == "ERR_STREAM_WRITE_AFTER_END" or _fail(err)))
    duplex.on("finish", checker.must_not_call())
    run()


def _fail(err: Any) -> bool:
    raise AssertionError(err)
