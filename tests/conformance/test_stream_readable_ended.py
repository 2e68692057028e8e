"""Port of test/parallel/test-stream-readable-ended.js (Node v20).

readableEnded is False until 'end'; pushing None twice is not an error.
"""

from __future__ import annotations

from typing import Any

from pynet import run
from pynet.stream import Readable


def test_readable_ended_is_a_property() -> None:
    assert isinstance(Readable.__dict__["readableEnded"], property)


def test_readable_ended_flips_at_end(checker: Any) -> None:
    readable = Readable()

    def _read(n: int) -> None:
        assert readable.readableEnded is False
        readable.push("asd")
        assert readable.readableEnded is False
        readable.push(None)
        assert readable.readableEnded is False
    readable._read = _read  # type: ignore[method-assign]
    readable.on("end", checker.must_call(lambda: readable.readableEnded is True
                                         or _fail()))
    readable.on("data", checker.must_call(lambda: readable.readableEnded is False
                                          or _fail()))
    run()


def test_double_eof_is_no_error(checker: Any) -> None:
    readable = Readable()
    readable.on("readable", lambda: readable.read())
    readable.on("error", checker.must_not_call())
    readable.on("end", checker.must_call())
    readable.push("a")
    readable.push(None)
    readable.push(None)
    run()


def _fail() -> bool:
    raise AssertionError("readableEnded has the wrong value")
