"""Port of test/parallel/test-stream-readable-end-destroyed.js (Node v20).

No 'end' after 'close', even when push(None) comes in 'close'.
"""

from __future__ import annotations

from typing import Any

from pynet import run
from pynet.stream import Readable


def test_no_end_after_close(checker: Any) -> None:
    r = Readable()
    r.on("end", checker.must_not_call())
    r.resume()
    r.destroy()
    r.on("close", checker.must_call(lambda: r.push(None)))
    run()
