"""Port of test/parallel/test-stream2-finish-pipe-error.js (Node v20).

end() on a piped destination in the same tick: the pipe's next write is a
write after end, uncaught for lack of an 'error' listener.
"""

from __future__ import annotations

from typing import Any

from pynet import process, run
from pynet.stream import Readable, Writable


def test_finish_pipe_error(checker: Any) -> None:
    def on_uncaught(err: Any, *args: Any) -> None:
        assert err.code == "ERR_STREAM_WRITE_AFTER_END"
    listener = checker.must_call(on_uncaught)
    process.on("uncaughtException", listener)
    try:
        r = Readable()
        r._read = lambda size: r.push(bytes(size))  # type: ignore[method-assign]
        w = Writable()
        w._write = lambda data, encoding, cb: cb(None)  # type: ignore[method-assign]
        r.pipe(w)
        w.end()
        run()
    finally:
        process.off("uncaughtException", listener)
