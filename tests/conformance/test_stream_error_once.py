"""Port of test/parallel/test-stream-error-once.js (Node v20).

Writes after end, and pushes after EOF, emit 'error' once however often repeated.
"""

from __future__ import annotations

from typing import Any

from pynet import run
from pynet.stream import Readable, Writable


def test_writable_errors_once(checker: Any) -> None:
    writable = Writable()
    writable.on("error", checker.must_call())
    writable.end()
    writable.write("h")
    writable.write("h")
    run()


def test_readable_errors_once(checker: Any) -> None:
    readable = Readable()
    readable.on("error", checker.must_call())
    readable.push(None)
    readable.push("h")
    readable.push("h")
    run()
