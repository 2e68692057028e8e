"""Port of test/parallel/test-stream-transform-final-sync.js (Node v20).

The order of a Transform's callbacks and events with a synchronous final and
an asynchronous flush: transform/data for each chunk, final, flush part 1,
'finish', end()'s callback, flush part 2, 'end'.
"""

from __future__ import annotations

from typing import Any

from pynet import process, run
from pynet.stream import Transform


def test_transform_final_sync(checker: Any) -> None:
    state = {"n": 0}
    t: Transform

    def step() -> int:
        state["n"] += 1
        return state["n"]

    def transform(chunk: Any, _: Any, next_: Any) -> None:
        assert step() == chunk
        t.push(state["n"])
        assert step() == chunk + 2
        process.nextTick(next_)

    def final(done: Any) -> None:
        assert step() == 10
        assert step() == 11
        done()

    def flush(done: Any) -> None:
        assert step() == 12

        def later() -> None:
            assert step() == 13
            done()
        process.nextTick(later)

    t = Transform(objectMode=True, transform=checker.must_call(transform, 3),
                  final=checker.must_call(final, 1), flush=checker.must_call(flush, 1))

    def expect(n: int) -> Any:
        def listener(*args: Any) -> None:
            assert step() == n
        return checker.must_call(listener, 1)
    t.on("finish", expect(15))
    t.on("end", expect(16))

    def on_data(d: Any) -> None:
        assert step() == d + 1
    t.on("data", checker.must_call(on_data, 3))
    t.write(1)
    t.write(4)
    t.end(7, expect(14))
    run()
