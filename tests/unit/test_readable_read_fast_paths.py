"""``Readable.read()``'s fast paths take Node's steps exactly.

``read()`` on a stream whose ``_read`` is in flight (``reading``, not ended)
and ``read(0)`` skip most of Node's ``Readable.prototype.read``.  Here every
combination of the state they look at is run twice: once through the fast path
and once through the general steps (forced by turning on the ``stream``
debuglog, which the fast paths step aside for, with its output dropped); the
return value, the events, the ``_read`` calls and every field of the read state
must be the same.
"""

from __future__ import annotations

import itertools
from collections import deque
from typing import Any

import pytest

from pynet._core.loop import Loop
from pynet._streams import readable as readable_module
from pynet.stream import Readable

FIELDS = ("_r_length", "_r_flowing", "_r_ended", "_r_end_emitted", "_r_reading", "_r_sync",
          "_r_need_readable", "_r_emitted_readable", "_r_data_emitted", "_r_hwm",
          "_destroyed", "_errored")


def _stream(log: list[Any], state: dict[str, Any], push_in_read: Any) -> Readable:
    r: Readable

    def read(n: int) -> None:
        log.append(("_read", n))
        if push_in_read is not False and len(log) < 3:  # A synchronous push, once.
            r.push(push_in_read)

    r = Readable(read=read, objectMode=state["object_mode"], highWaterMark=state["hwm"])
    r.on("data", lambda chunk: log.append(("data", chunk)))
    r.on("readable", lambda: log.append("readable"))
    r._r_flowing = state["flowing"]
    chunks = state["chunks"]
    if chunks:
        r._r_buffer = deque(chunks)
        r._r_length = len(chunks) if state["object_mode"] else sum(len(c) for c in chunks)
    r._r_reading = state["reading"]
    r._r_ended = state["ended"]
    r._r_need_readable = state["need_readable"]
    r._r_emitted_readable = state["emitted_readable"]
    r._r_sync = False
    if state["destroyed"]:
        r._destroyed = True
    return r


def _outcome(loop: Loop, state: dict[str, Any], n: Any, general: bool,
             monkeypatch: pytest.MonkeyPatch, push_in_read: Any) -> list[Any]:
    log: list[Any] = []
    r = _stream(log, state, push_in_read)
    with monkeypatch.context() as m:
        if general:
            m.setattr(readable_module, "_DEBUG", True)
            m.setattr(readable_module, "_debug", lambda *a: None)
        ret = r.read() if n is None else r.read(n)
        fields = [getattr(r, f) for f in FIELDS]
    loop.run()  # The ticks read() queued ('readable', 'end'), for the log.
    r.destroy()
    loop.run()
    return [ret, fields, log]


STATES = [dict(zip(("object_mode", "hwm", "flowing", "chunks", "reading", "ended",
                    "need_readable", "emitted_readable", "destroyed"), values, strict=True))
          for values in itertools.product(
              (False, True), (0, 2, 16), (None, False, True),
              ((), (b"ab",), (b"ab", b"cde")), (False, True), (False, True),
              (False, True), (False, True), (False, True))]


@pytest.mark.parametrize("n", [None, 0])
@pytest.mark.parametrize("push_in_read", [False, b"xy"])
def test_fast_paths_match_the_general_steps(loop: Loop, monkeypatch: pytest.MonkeyPatch,
                                            n: Any, push_in_read: Any) -> None:
    checked = 0
    for state in STATES:
        fast = _outcome(loop, state, n, False, monkeypatch, push_in_read)
        general = _outcome(loop, state, n, True, monkeypatch, push_in_read)
        assert fast == general, state
        checked += 1
    assert checked == len(STATES) == 2 * 3 * 3 * 3 * 2 ** 5
