"""Port of test/parallel/test-stream-transform-final.js (Node v20).

The order of a Transform's callbacks with an asynchronous final and flush:
transform, 'data', final, flush, 'finish', the end() callback, then 'end'.
"""

from __future__ import annotations

from typing import Any

from pynet import nextTick, run, setTimeout
from pynet.stream import Transform


def test_transform_final_order(checker: Any) -> None:
    state = [0]

    def bump() -> int:
        state[0] += 1
        return state[0]

    def transform(chunk: int, _: Any, next_: Any) -> None:
        assert bump() == chunk
        t.push(state[0])
        assert bump() == chunk + 2
        nextTick(next_)

    def final(done: Any) -> None:
        assert bump() == 10

        def part2() -> None:
            assert bump() == 11
            done()
        setTimeout(part2, 100)

    def flush(done: Any) -> None:
        assert bump() == 12

        def part2() -> None:
            assert bump() == 13
            done()
        nextTick(part2)

    t = Transform(objectMode=True, transform=checker.must_call(transform, 3),
                  final=checker.must_call(final), flush=checker.must_call(flush))
    t.on("finish", checker.must_call(lambda: bump() == 15 or _fail(state)))
    t.on("end", checker.must_call(lambda: bump() == 16 or _fail(state)))
    t.on("data", checker.must_call(lambda d: bump() == d + 1 or _fail(state), 3))
    t.write(1)
    t.write(4)
    t.end(7, checker.must_call(lambda: bump() == 14 or _fail(state)))
    run()


def _fail(state: list[int]) -> bool:
    raise AssertionError(f"wrong order at state {state[0]}")
