"""Port of test/parallel/test-readline-carriage-return-between-chunks.js (Node v20).

A ``\\r\\n`` that arrives as its own chunk after a chunk ending in text
(``'a\\nb'``, then ``'\\r\\n'``) ends the line ``b``: no line keeps a ``\\r``.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from pynet import readline, run, stream
from tests.helpers import CallChecker


def test_readline_carriage_return_between_chunks(checker: CallChecker) -> None:
    def chunks() -> Iterator[str]:
        yield "a\nb"
        yield "\r\n"

    rl = readline.createInterface({"input": stream.Readable.from_(chunks()), "crlfDelay": math.inf})
    lines: list[str] = []
    rl.on("line", lines.append)

    def on_close() -> None:
        assert [line for line in lines if "\r" in line] == []
        assert lines == ["a", "b"]

    rl.on("close", checker.must_call(on_close))
    run()
