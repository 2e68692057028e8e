"""Port of test/parallel/test-promise-unhandled-warn.js (Node v20).

Mode ``warn``: ``'unhandledRejection'`` is emitted and the two warnings are
printed even though the listener handles each promise; handling them then
emits ``'rejectionHandled'``.  The reason's warning carries its stack: for
an exception raised in ``look_for_me_in_stack_trace`` (Node's ``ErrorLike``
with a captured stack), the traceback names that function.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pynet import Promise, process, run
from pynet.timers import setTimeout
from tests.helpers import CallChecker


class ErrorLike(Exception):  # noqa: N818 - Node's name
    pass


def look_for_me_in_stack_trace() -> None:
    try:
        raise ErrorLike("ErrorLike")
    except ErrorLike as err:
        Promise.reject(err)


def test_unhandled_warn(rejections: Callable[[str], None], checker: CallChecker) -> None:
    rejections("warn")

    def executor() -> None:
        raise Exception("One")

    Promise(executor)
    Promise.reject("test")
    look_for_me_in_stack_trace()

    def on_warning(reason: Any) -> None:
        if "ErrorLike" in reason.message:
            assert "look_for_me_in_stack_trace" in reason.message

    process.on("warning", checker.must_call(on_warning, 6))
    process.on("uncaughtException", checker.must_not_call("uncaughtException"))
    process.on("rejectionHandled", checker.must_call(None, 3))
    # Handle the promises but still warn.
    process.on("unhandledRejection", lambda reason, promise: promise.catch(lambda: None))
    setTimeout(checker.must_call(), 2)
    run()
