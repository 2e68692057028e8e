"""Port of test/parallel/test-readline.js (Node v20), its line blocks.

With ``terminal: True`` on a PassThrough input: text without a line ending is
emitted as a line when the input ends, not before; ``'abc\\n'`` is one line.
Not ported: the blocks that move the cursor with home/end and meta-b/f/d key
sequences (``rl.cursor``, ``rl.line`` under terminal line editing, which pynet
does not implement: docs/porting-guide.md).
"""

from __future__ import annotations

from pynet import readline, run, stream
from tests.helpers import CallChecker


def _interface() -> tuple[stream.PassThrough, readline.Interface]:
    inp = stream.PassThrough()
    return inp, readline.createInterface({"terminal": True, "input": inp})


def test_last_line_at_end(checker: CallChecker) -> None:
    inp, rl = _interface()
    rl.on("line", checker.must_call(lambda data: _equal(data, "abc")))
    inp.end("abc")
    run()


def test_no_line_before_newline(checker: CallChecker) -> None:
    inp, rl = _interface()
    rl.on("line", checker.must_not_call("must not be called before newline"))
    inp.write("abc")
    run()
    rl.close()


def test_line(checker: CallChecker) -> None:
    inp, rl = _interface()
    rl.on("line", checker.must_call(lambda data: _equal(data, "abc")))
    inp.write("abc\n")
    run()
    rl.close()


def _equal(actual: str, expected: str) -> None:
    assert actual == expected
