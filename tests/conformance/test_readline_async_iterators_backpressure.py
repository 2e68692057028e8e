"""Port of test/parallel/test-readline-async-iterators-backpressure.js (Node v20).

The line iterator of ``async for line in rl`` pauses the input once more than
its high-water mark (1024 lines) wait, and resumes it only when the loop has
taken them all: three pushes of 2051, 2052 and 2053 lines give every line in
order, the input is paused exactly while lines are buffered, and it is
flowing at three lines only (the last of each push).  Node reads the buffered
count from the iterator's ``Symbol.for('nodejs.watermarkData')``; pynet has no
such property, so the port counts the lines left in the current push instead.
"""

from __future__ import annotations

import math

from pynet import Promise, readline, run, stream
from tests.helpers import CallChecker

CONTENT = "content"
LINES_PER_PUSH = 2051
REPETITIONS = 3


async def main() -> None:
    readable = stream.Readable({"read": lambda size: None})
    pushes = [LINES_PER_PUSH + i for i in range(REPETITIONS)]
    for count in pushes:
        readable.push(f"{CONTENT}\n" * count)
    total = sum(pushes)
    rli = readline.createInterface({"input": readable, "crlfDelay": math.inf})
    assert total > 1024  # More lines than the iterator's high-water mark.

    # The lines still buffered in the iterator after each iteration's line.
    buffered: list[int] = []
    for count in pushes:
        buffered += range(count - 1, -1, -1)

    iterations = 0
    readable_ended = False
    not_paused = 0
    async for line in rli:
        assert not readable_ended
        assert line == CONTENT
        assert readable.isPaused() == (buffered[iterations] >= 1), iterations
        if not readable.isPaused():
            not_paused += 1
        iterations += 1
        if iterations == total:
            readable.push(None)
            readable_ended = True
    assert iterations == total
    assert not_paused == REPETITIONS


def test_readline_async_iterators_backpressure(checker: CallChecker) -> None:
    Promise.resolve(main()).then(checker.must_call(lambda: None))
    run()
