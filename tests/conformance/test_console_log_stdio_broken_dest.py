"""Port of test/parallel/test-console-log-stdio-broken-dest.js (Node v20).

More console.log calls than the default listener limit into a corked stream
whose batched write then fails: the console adds at most one 'error' listener
at a time, so no MaxListenersExceededWarning is emitted (and the error is
swallowed).
"""

from __future__ import annotations

from typing import Any

import pynet
from pynet import process, stream
from pynet.console import Console
from pynet.events import EventEmitter
from tests.helpers import CallChecker


def test_broken_destination(checker: CallChecker) -> None:
    def writev(chunks: Any, cb: Any) -> None:
        pynet.setTimeout(cb, 10, Exception("kaboom"))

    s = stream.Writable({"write": lambda chunk, enc, cb: cb(), "writev": writev})
    my_console = Console(s, s)
    warning = checker.must_not_call("warning")
    process.on("warning", warning)
    try:
        s.cork()
        for _ in range(EventEmitter.defaultMaxListeners + 1):
            my_console.log("a message")
        s.uncork()
        pynet.run()
    finally:
        process.removeListener("warning", warning)
    assert s.destroyed
