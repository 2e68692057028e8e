"""Port of test/parallel/test-stream2-readable-legacy-drain.js (Node v20).

pipe() into a legacy Stream whose write() always returns false and that
emits 'drain' on the next tick: at most 3 bytes are buffered between drains,
and both ends finish. (Older copies of the file also emitted 'drain' from a
'readable' listener; in Node v20 that listener stops the pipe's flow, and the
v20 file has no such listener.)
"""

from __future__ import annotations

from typing import Any

from pynet import nextTick, run
from pynet.stream import Readable, Stream


def test_legacy_drain(checker: Any) -> None:
    r = Readable()
    n = 256
    reads = [0]

    def _read(size: int) -> bool:
        reads[0] += 1
        return r.push(None if reads[0] == n else b"\0")
    r._read = _read  # type: ignore[method-assign]
    r.on("end", checker.must_call())

    w = Stream()
    w.writable = True  # type: ignore[attr-defined]
    buffered = [0]

    def drain() -> None:
        assert buffered[0] <= 3
        buffered[0] = 0
        w.emit("drain")

    def write(c: bytes) -> bool:
        buffered[0] += len(c)
        nextTick(drain)
        return False
    w.write = write  # type: ignore[attr-defined]
    w.end = checker.must_call()  # type: ignore[attr-defined]
    r.pipe(w)  # type: ignore[arg-type]
    run()
