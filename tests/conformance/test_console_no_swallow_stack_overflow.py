"""Port of test/parallel/test-console-no-swallow-stack-overflow.js (Node v20).

A Console ignores its streams' errors, but not a stack overflow: a ``write``
that recurses without end raises RecursionError (Node's RangeError "Maximum
call stack size exceeded") out of dir, log and warn.
"""

from __future__ import annotations

from typing import Any

import pytest

from pynet import stream
from pynet.console import Console
from tests.helpers import CallChecker


@pytest.mark.parametrize("method", ["dir", "log", "warn"])
def test_stack_overflow_is_not_swallowed(checker: CallChecker, method: str) -> None:
    def write(*args: Any) -> Any:
        return write(*args)  # exceeds the call stack

    out = stream.Writable({"write": checker.must_call(write)})
    c = Console(out, out, True)
    with pytest.raises(RecursionError):
        getattr(c, method)("Hello, world!")
