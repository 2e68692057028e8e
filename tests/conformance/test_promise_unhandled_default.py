"""Port of test/parallel/test-promise-unhandled-default.js (Node v20).

Mode ``throw`` (no flag: Node 20's default mode, throw): with no ``'unhandledRejection'`` listener, each
unhandled rejection is an uncaught exception, origin ``'unhandledRejection'``;
a reason that is not an exception becomes ``UnhandledPromiseRejection``
(``ERR_UNHANDLED_REJECTION``).  The loop carries on (Node's exit code 0).
"""

from __future__ import annotations

from collections.abc import Callable

from pynet import run
from tests.conformance import _unhandled_throw
from tests.helpers import CallChecker


def test_unhandled_default(rejections: Callable[[str], None], checker: CallChecker) -> None:
    rejections("throw")
    _unhandled_throw.start(checker)
    run()
