"""Port of test/parallel/test-stream-transform-objectmode-falsey-value.js (Node v20).

Falsy objects (0, -1…) flow through a chain of object-mode PassThroughs.
"""

from __future__ import annotations

from typing import Any

from pynet import clearInterval, run, setInterval
from pynet.stream import PassThrough


def test_falsey_values(checker: Any) -> None:
    src = PassThrough(objectMode=True)
    tx = PassThrough(objectMode=True)
    dest = PassThrough(objectMode=True)
    expect = [-1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    results: list[int] = []
    dest.on("data", checker.must_call(results.append, len(expect)))
    src.pipe(tx).pipe(dest)
    i = [-1]

    def tick() -> None:
        if len(results) == len(expect):
            src.end()
            clearInterval(interval)
            assert results == expect
        else:
            src.write(i[0])
            i[0] += 1
    interval = setInterval(checker.must_call(tick, len(expect) + 1), 1)
    run()
