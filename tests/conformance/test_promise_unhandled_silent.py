"""Port of test/parallel/test-promise-unhandled-silent.js (Node v20).

Mode ``none``: ``'unhandledRejection'`` is emitted for both rejections, and
nothing else happens: no warning, no uncaught exception, no
``'rejectionHandled'``.
"""

from __future__ import annotations

from collections.abc import Callable

from pynet import Promise, process, run
from pynet.timers import setTimeout
from tests.helpers import CallChecker


def test_unhandled_silent(rejections: Callable[[str], None], checker: CallChecker) -> None:
    rejections("none")

    def executor() -> None:
        raise Exception("One")

    Promise(executor)
    Promise.reject("test")
    process.on("warning", checker.must_not_call("warning"))
    process.on("uncaughtException", checker.must_not_call("uncaughtException"))
    process.on("rejectionHandled", checker.must_not_call("rejectionHandled"))
    process.on("unhandledRejection", checker.must_call(None, 2))
    setTimeout(checker.must_call(), 2)
    run()
