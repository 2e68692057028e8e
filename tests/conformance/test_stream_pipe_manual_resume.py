"""Port of test/parallel/test-stream-pipe-manual-resume.js (Node v20).

A pipe does not stall when read() or resume() is called on the source behind
its back: all 1000 objects are written.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from pynet import run, setImmediate
from pynet.stream import Readable, Writable


@pytest.mark.parametrize("in_between", [
    lambda rs: rs.read(), lambda rs: rs.resume(), lambda rs: 0,
], ids=["read", "resume", "nothing"])
def test_pipe_manual_resume(checker: Any, in_between: Callable[[Readable], Any]) -> None:
    n = 1000
    state = {"counter": n, "reads": 0}
    rs: Readable

    def read(*args: Any) -> None:
        state["reads"] += 1
        state["counter"] -= 1
        if state["counter"] >= 0:
            rs.push({"counter": state["counter"]})
        else:
            rs.push(None)
    rs = Readable(objectMode=True, read=read)
    ws = Writable(objectMode=True,
                  write=checker.must_call(lambda data, enc, cb: setImmediate(cb), n))
    setImmediate(lambda: in_between(rs))
    rs.pipe(ws)
    run()
    assert state["reads"] >= n
