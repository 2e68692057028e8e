"""Port of test/parallel/test-promises-warning-on-unhandled-rejection.js (Node v20).

Mode ``warn``: each unhandled rejection gives the reason's warning (a string
as it is, a number as its text) then ``UnhandledPromiseRejectionWarning``; a
handler attached later gives ``PromiseRejectionHandledWarning`` (no
``'rejectionHandled'`` listener).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from pynet import Promise, process, run
from pynet.timers import setImmediate
from tests.helpers import CallChecker


def test_warning_on_unhandled_rejection(rejections: Callable[[str], None],
                                        checker: CallChecker) -> None:
    rejections("warn")
    count = [0]

    def on_warning(warning: Any) -> None:
        b = count[0]
        count[0] += 1
        if b == 0:
            assert warning.message == "This was rejected"  # the string reason
        elif b in (1, 3):
            assert warning.name == "UnhandledPromiseRejectionWarning"
            assert re.search("Unhandled promise rejection", warning.message)
        elif b == 2:
            assert warning.message == "42"  # the number, as text
        elif b == 4:
            assert warning.name == "PromiseRejectionHandledWarning"
            assert re.search("Promise rejection was handled asynchronously", warning.message)

    process.on("warning", checker.must_call(on_warning, 5))
    p = Promise.reject("This was rejected")
    setImmediate(checker.must_call(lambda: p.catch(lambda: None)))
    Promise.reject(42)
    run()
