"""Port of test/parallel/test-stream-readable-hwm-0-no-flow-data.js (Node v20).

With highWaterMark 0 and a 'readable' listener, a 'data' listener does not
make the stream flow: data comes only from read(), and 'end' one tick after
the read() that finds EOF.
"""

from __future__ import annotations

from typing import Any

from pynet import process, run, setImmediate
from pynet.stream import Readable


def test_hwm_0_no_flow_data(checker: Any) -> None:
    stream_data: list[Any] = ["a", None]
    calls: list[str] = []

    def label(value: Any) -> str:
        return "null" if value is None else str(value)

    def read(*args: Any) -> None:
        calls.append("_read:" + label(stream_data[0]))

        def later() -> None:
            calls.append("push:" + label(stream_data[0]))
            r.push(stream_data.pop(0))
        process.nextTick(later)
    r = Readable(read=checker.must_call(read, 2), highWaterMark=0, objectMode=True)

    assert r.readableFlowing is None
    r.on("readable", checker.must_call(lambda: calls.append("readable"), 2))
    assert r.readableFlowing is False
    r.on("data", checker.must_call(lambda data: calls.append("data:" + data), 1))
    r.on("end", checker.must_call(lambda: calls.append("end")))
    assert r.readableFlowing is False

    def first() -> None:
        assert calls == ["_read:a", "push:a", "readable"]
        assert r.read() == "a"
        assert calls == ["_read:a", "push:a", "readable", "data:a"]
        assert r.read() is None

        def second() -> None:
            expected = ["_read:a", "push:a", "readable", "data:a",
                        "_read:null", "push:null", "readable"]
            assert calls == expected
            assert r.read() is None
            assert calls == expected

            def third() -> None:
                assert calls == [*expected, "end"]
            process.nextTick(checker.must_call(third))
        setImmediate(checker.must_call(second))
    setImmediate(checker.must_call(first))
    run()
