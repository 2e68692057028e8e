"""Port of test/parallel/test-console-sync-write-error.js (Node v20).

For dir, log and warn, a Console (ignoreErrors) over a Writable whose write
calls back with an error at once, raises, or calls back with an error from a
setImmediate: the call does not raise, and the stream's 'error' does not
crash the loop.
"""

from __future__ import annotations

from typing import Any

import pytest

import pynet
from pynet import stream
from pynet.console import Console
from tests.helpers import CallChecker


def callback_error(chunk: Any, enc: Any, callback: Any) -> None:
    callback(Exception("foobar"))


def throw(chunk: Any, enc: Any, callback: Any) -> None:
    raise Exception("foobar")


def later_error(chunk: Any, enc: Any, callback: Any) -> None:
    pynet.setImmediate(lambda: callback(Exception("foobar")))


@pytest.mark.parametrize("method", ["dir", "log", "warn"])
@pytest.mark.parametrize("write", [callback_error, throw, later_error])
def test_write_errors_are_swallowed(checker: CallChecker, method: str, write: Any) -> None:
    out = stream.Writable({"write": checker.must_call(write)})
    c = Console(out, out, True)
    getattr(c, method)("abc")  # should not raise
    pynet.run()
