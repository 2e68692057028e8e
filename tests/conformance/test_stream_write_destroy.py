"""Port of test/parallel/test-stream-write-destroy.js (Node v20).

destroy() with writes pending: the pending write's callback still counts,
queued writes fail with ERR_STREAM_DESTROYED, and no further 'drain'.
"""

from __future__ import annotations

from typing import Any

import pytest

from pynet import run
from pynet.stream import Writable


@pytest.mark.parametrize("use_end", [False, True])
@pytest.mark.parametrize("with_pending_data", [False, True])
def test_write_destroy(with_pending_data: bool, use_end: bool) -> None:
    callbacks: list[Any] = []
    w = Writable(write=lambda data, enc, cb: callbacks.append(cb), highWaterMark=1)
    state = {"written": 0, "drains": 0}
    w.on("drain", lambda: state.__setitem__("drains", state["drains"] + 1))

    def on_write(err: Any = None) -> None:
        if err:
            assert w.destroyed is True
            assert err.code == "ERR_STREAM_DESTROYED"
        else:
            state["written"] += 1

    w.write("abc", on_write)
    assert state["written"] == 0
    assert state["drains"] == 0
    callbacks.pop(0)()
    assert state["written"] == 1
    assert state["drains"] == 1

    if with_pending_data:
        w.write("def", on_write)
    if use_end:
        w.end("ghi", on_write)
    else:
        w.write("ghi", on_write)

    assert state["written"] == 1
    w.destroy()
    assert state["written"] == 1
    callbacks.pop(0)()
    assert state["written"] == (1 if use_end and not with_pending_data else 2)
    assert len(callbacks) == 0
    assert state["drains"] == 1
    run()
