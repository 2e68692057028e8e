"""Port of test/parallel/test-promise-handled-rejection-no-warning.js (Node v20).

A rejection an ``'unhandledRejection'`` listener takes prints no warning.
"""

from __future__ import annotations

from collections.abc import Callable

from pynet import Promise, process, run
from tests.helpers import CallChecker


def test_handled_rejection_no_warning(rejections: Callable[[str], None],
                                      checker: CallChecker) -> None:
    process.on("warning", checker.must_not_call("warning"))
    process.on("unhandledRejection", checker.must_call())
    Promise.reject(Exception())
    run()
