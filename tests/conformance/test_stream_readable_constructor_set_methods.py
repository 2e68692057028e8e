"""Port of test/parallel/test-stream-readable-constructor-set-methods.js (Node v20).

The 'read' option is the stream's _read.
"""

from __future__ import annotations

from typing import Any

from pynet import run
from pynet.stream import Readable


def test_read_option(checker: Any) -> None:
    r = Readable(read=checker.must_call(lambda n: r.push(None)))
    r.resume()
    run()
