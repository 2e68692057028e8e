"""Port of test/parallel/test-console-async-write-error.js (Node v20).

A Console (ignoreErrors) over a Writable whose write fails on a later tick:
console.log does not throw, and the stream's 'error' event is caught by the
console's one-off listener instead of crashing the loop.
"""

from __future__ import annotations

from typing import Any

import pynet
from pynet import process, stream
from pynet.console import Console
from tests.helpers import CallChecker


def test_async_write_error(checker: CallChecker) -> None:
    def write(chunk: Any, enc: Any, callback: Any) -> None:
        process.nextTick(callback, Exception("foobar"))

    out = stream.Writable({"write": checker.must_call(write)})
    c = Console(out, out, True)
    c.log("abc")  # does not raise
    pynet.run()  # nor does the 'error' the stream emits
    assert out.destroyed
