"""Port of test/parallel/test-stream-pipe-multiple-pipes.js (Node v20).

One source piped to five destinations gives each the chunk once; after
unpipe (with 'unpipe' each) later data goes nowhere.
"""

from __future__ import annotations

from typing import Any

from pynet import process, run
from pynet.stream import Readable, Writable


def test_pipe_multiple_pipes(checker: Any) -> None:
    readable = Readable(read=lambda: None)
    writables: list[tuple[Writable, list[Any]]] = []

    for _ in range(5):
        output: list[Any] = []

        def write(chunk: Any, encoding: Any, callback: Any, output: list[Any] = output) -> None:
            output.append(bytes(chunk))
            callback()
        target = Writable(write=checker.must_call(write, 1))
        target.on("pipe", checker.must_call())
        readable.pipe(target)
        writables.append((target, output))

    data = bytes([1, 2, 3, 4, 5])
    readable.push(data)

    def later() -> None:
        for target, out in writables:
            assert out == [data]
            target.on("unpipe", checker.must_call())
            readable.unpipe(target)
        readable.push("something else")
        readable.push(None)
        readable.resume()
    process.nextTick(checker.must_call(later))

    def on_end() -> None:
        for _target, out in writables:
            assert out == [data]
    readable.on("end", checker.must_call(on_end))
    run()
