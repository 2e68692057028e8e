"""Port of test/parallel/test-stream-pipe-flow.js (Node v20).

pipe() keeps data flowing into a highWaterMark-0 destination and through
chained PassThroughs read by hand, and adds a 'drain' listener only under
backpressure.
"""

from __future__ import annotations

from typing import Any

from pynet import nextTick, run, setImmediate
from pynet.stream import PassThrough, Readable, Writable


def test_flow_into_hwm_0(checker: Any) -> None:
    ticks = [17]

    def read(n: int) -> None:
        ticks[0] -= 1
        if ticks[0] + 1 > 0:
            nextTick(lambda: rs.push({}))
            return
        rs.push({})
        rs.push(None)
    rs = Readable(objectMode=True, read=read)
    ws = Writable(highWaterMark=0, objectMode=True,
                  write=lambda data, end, cb: setImmediate(cb))
    rs.on("end", checker.must_call())
    ws.on("finish", checker.must_call())
    rs.pipe(ws)
    run()


def test_flow_through_passthroughs_read_by_hand(checker: Any) -> None:
    missing = [8]

    def read(n: int) -> None:
        missing[0] -= 1
        if missing[0] + 1:
            rs.push({})
        else:
            rs.push(None)
    rs = Readable(objectMode=True, read=read)
    pt = rs.pipe(PassThrough(objectMode=True, highWaterMark=2)).pipe(
        PassThrough(objectMode=True, highWaterMark=2))
    pt.on("end", lambda: wrapper.push(None))

    def wrapper_read(n: int) -> None:
        def later() -> None:
            data = pt.read()
            if data is None:
                def on_readable() -> None:
                    data = pt.read()
                    if data is not None:
                        wrapper.push(data)
                pt.once("readable", on_readable)
            else:
                wrapper.push(data)
        nextTick(later)
    wrapper = Readable(objectMode=True, read=wrapper_read)
    wrapper.resume()
    wrapper.on("end", checker.must_call())
    run()


def test_drain_listener_only_under_backpressure() -> None:
    rs = Readable(read=lambda: None)
    pt = rs.pipe(PassThrough(objectMode=True, highWaterMark=2))
    assert pt.listenerCount("drain") == 0
    pt.on("finish", lambda: _zero(pt.listenerCount("drain")))
    rs.push("asd")
    assert pt.listenerCount("drain") == 0

    def later() -> None:
        rs.push("asd")
        assert pt.listenerCount("drain") == 0
        rs.push(None)
        assert pt.listenerCount("drain") == 0
    nextTick(later)
    run()
    pt.destroy()
    run()


def _zero(value: int) -> None:
    assert value == 0
