"""Port of test/parallel/test-stream-writable-final-destroy.js (Node v20).

destroy() while _final is pending: no 'prefinish', no 'finish', one 'close'.
"""

from __future__ import annotations

from typing import Any

from pynet import queueMicrotask, run
from pynet.stream import Writable


def test_final_destroy(checker: Any) -> None:
    w = Writable(write=lambda chunk, encoding, callback: callback(None),
                 final=lambda callback: queueMicrotask(callback))
    w.end()
    w.destroy()
    w.on("prefinish", checker.must_not_call())
    w.on("finish", checker.must_not_call())
    w.on("close", checker.must_call())
    run()
