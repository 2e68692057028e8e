"""Port of test/parallel/test-promise-unhandled-throw-handler.js (Node v20).

Mode ``throw``: an ``'unhandledRejection'`` listener takes both rejections
(the reasons as they are, ``None`` included), so there is no uncaught
exception and no warning.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pynet import Promise, process, run
from pynet.timers import clearTimeout, setTimeout
from tests.conformance._rejections import Countdown
from tests.helpers import CallChecker


def test_unhandled_throw_handler(rejections: Callable[[str], None],
                                 checker: CallChecker) -> None:
    rejections("throw")
    err1 = Exception("One")
    expected: list[Any] = [err1, None]

    def executor() -> None:
        raise err1

    ref = Promise(executor)
    Promise.reject(None)
    process.on("warning", checker.must_not_call("warning"))
    process.on("rejectionHandled", checker.must_not_call("rejectionHandled"))
    process.on("uncaughtException", checker.must_not_call("uncaughtException"))
    timer = setTimeout(lambda: print(ref), 1000)
    counter = Countdown(2, lambda: clearTimeout(timer))

    def on_unhandled(err: Any) -> None:
        counter.dec()
        assert err is expected.pop(0)

    process.on("unhandledRejection", checker.must_call(on_unhandled, 2))
    run()
