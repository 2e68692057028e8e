"""Port of test/parallel/test-promise-unhandled-error.js (Node v20).

Mode ``strict``: every unhandled rejection is first an uncaught exception
(origin ``'unhandledRejection'``), then ``'unhandledRejection'`` is emitted
too; with a listener there is no warning.
"""

from __future__ import annotations

from collections.abc import Callable

from pynet import process, run
from tests.conformance import _unhandled_throw
from tests.helpers import CallChecker


def test_unhandled_error(rejections: Callable[[str], None], checker: CallChecker) -> None:
    rejections("strict")
    process.on("unhandledRejection", checker.must_call(None, 2))
    _unhandled_throw.start(checker)
    run()
