"""Port of test/parallel/test-promise-unhandled-warn-no-hook.js (Node v20).

Mode ``warn`` with no listener: two warnings per rejection (the reason, then
the explanation), no uncaught exception, no ``'rejectionHandled'``.
"""

from __future__ import annotations

from collections.abc import Callable

from pynet import Promise, process, run
from pynet.timers import setTimeout
from tests.helpers import CallChecker


def test_unhandled_warn_no_hook(rejections: Callable[[str], None],
                                checker: CallChecker) -> None:
    rejections("warn")

    def executor() -> None:
        raise Exception("One")

    Promise(executor)
    Promise.reject("test")
    process.on("warning", checker.must_call(None, 4))
    process.on("uncaughtException", checker.must_not_call("uncaughtException"))
    process.on("rejectionHandled", checker.must_not_call("rejectionHandled"))
    setTimeout(checker.must_call(), 2)
    run()
