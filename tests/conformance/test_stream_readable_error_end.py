"""Port of test/parallel/test-stream-readable-error-end.js (Node v20).

destroy(err) after push(None) but before 'end': 'data' and 'error', no 'end'.
"""

from __future__ import annotations

from typing import Any

from pynet import run
from pynet.stream import Readable


def test_no_end_after_error(checker: Any) -> None:
    r = Readable(read=lambda: None)
    r.on("end", checker.must_not_call())
    r.on("data", checker.must_call())
    r.on("error", checker.must_call())
    r.push("asd")
    r.push(None)
    r.destroy(Exception("kaboom"))
    run()
