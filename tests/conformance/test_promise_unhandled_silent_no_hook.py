"""Port of test/parallel/test-promise-unhandled-silent-no-hook.js (Node v20).

Mode ``none`` with no ``'unhandledRejection'`` listener: the rejections are
ignored, with no warning and no uncaught exception; the program goes on.
"""

from __future__ import annotations

import gc
from collections.abc import Callable

from pynet import Promise, process, run
from pynet.timers import setTimeout
from tests.helpers import CallChecker


def test_unhandled_silent_no_hook(rejections: Callable[[str], None],
                                  checker: CallChecker) -> None:
    rejections("none")

    def executor() -> None:
        raise Exception("One")

    Promise(executor)
    Promise.reject("test")
    gc.collect()  # global.gc(): the promises are gone before they are reported
    process.on("warning", checker.must_not_call("warning"))
    process.on("uncaughtException", checker.must_not_call("uncaughtException"))
    setTimeout(checker.must_call(), 2)
    run()
