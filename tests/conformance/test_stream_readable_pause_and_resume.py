"""Port of test/parallel/test-stream-readable-pause-and-resume.js (Node v20).

A 'data' -> pause -> setImmediate -> resume loop: 'data' never fires while the
stream is paused, and 'end' comes once.
"""

from __future__ import annotations

from typing import Any

from pynet import nextTick, run, setImmediate
from pynet.stream import Readable


def test_pause_and_resume(checker: Any) -> None:
    ticks = [18]
    expected_data = [19]

    def read(*_: Any) -> None:
        ticks[0] -= 1
        if ticks[0] + 1 > 0:
            nextTick(lambda: rs.push({}))
            return
        rs.push({})
        rs.push(None)
    rs = Readable(objectMode=True, read=read)
    rs.on("end", checker.must_call())

    def read_and_pause() -> None:
        # Each ondata fires once only: it pauses at once, and a new one is
        # added after the pause.
        def ondata(data: Any) -> None:
            rs.pause()
            expected_data[0] -= 1
            if expected_data[0] <= 0:
                return

            def later() -> None:
                rs.removeListener("data", wrapped)
                read_and_pause()
                rs.resume()
            setImmediate(later)
        wrapped = checker.must_call(ondata)
        rs.on("data", wrapped)
    read_and_pause()
    run()
