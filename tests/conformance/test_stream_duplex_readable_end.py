"""Port of test/parallel/test-stream-duplex-readable-end.js (Node v20).

A Transform that ends its readable side on its first chunk, with its writable
side still open, ends after two source reads and leaves the piped source paused
(nodejs/node#35926).
"""

from __future__ import annotations

from typing import Any

from pynet import run
from pynet.stream import Readable, Transform


def test_duplex_readable_end(checker: Any) -> None:
    loops = [5]

    def read(n: int) -> None:
        loops[0] -= 1
        if loops[0] + 1:
            src.push(bytes(20000))
    src = Readable(highWaterMark=16 * 1024, read=read)

    def transform(chunk: Any, output: Any, fn: Any) -> None:
        dst.push(None)
        fn()
    dst = Transform(highWaterMark=16 * 1024, transform=transform)

    src.pipe(dst)
    dst.on("data", lambda *a: None)

    def on_end() -> None:
        assert loops[0] == 3
        assert src.isPaused()
    dst.on("end", checker.must_call(on_end))
    run()
