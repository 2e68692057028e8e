"""Port of test/parallel/test-stream2-finish-pipe.js (Node v20).

end() on a piped destination on the next tick (as net.Socket's destroySoon
does at EOF) raises no write-after-end error: the loop just ends.
"""

from __future__ import annotations

from typing import Any

from pynet import process, run
from pynet.stream import Readable, Writable


def test_finish_pipe(checker: Any) -> None:
    r = Readable()
    r._read = lambda size: r.push(bytes(size))  # type: ignore[method-assign]
    w = Writable()
    w._write = lambda data, encoding, cb: process.nextTick(cb, None)  # type: ignore[method-assign]
    r.pipe(w)
    w.on("error", checker.must_not_call())
    w.on("finish", checker.must_call())
    process.nextTick(lambda: w.end())
    run()
