"""Port of test/parallel/test-stream-await-drain-writers-in-synchronously-recursion-write.js (Node v20).

Writes made from a 'data' handler while the pipe waits for 'drain' (both
PassThroughs at highWaterMark 1) are all delivered: four 'data' events.
"""

from __future__ import annotations

from typing import Any

from pynet import run
from pynet.stream import PassThrough


def test_await_drain_writers_in_synchronously_recursion_write(checker: Any) -> None:
    encode = PassThrough(highWaterMark=1)
    decode = PassThrough(highWaterMark=1)
    send = checker.must_call(lambda buf: encode.write(buf), 4)
    i = [0]

    def on_data(*a: Any) -> None:
        i[0] += 1
        if i[0] == 2:
            send(bytes([0x3]))
            send(bytes([0x4]))
    encode.pipe(decode).on("data", checker.must_call(on_data, 4))
    send(bytes([0x1]))
    send(bytes([0x2]))
    run()
