"""Port of test/parallel/test-readline-reopen.js (Node v20).

Interfaces made one after another can share an input: the first byte of a
UTF-8 character that arrives with the first interface's last line is not lost
when it closes, and the second interface's line is ``'☃bar'``.  (``terminal:
True`` as in Node; pynet reads lines the same way in both modes.)
"""

from __future__ import annotations

from pynet import readline, run, stream
from tests.helpers import CallChecker


def test_readline_reopen(checker: CallChecker) -> None:
    inp = stream.PassThrough()
    out = stream.PassThrough()
    rl1 = readline.createInterface({"input": inp, "output": out, "terminal": True})

    def rl2_on_line(line: str) -> None:
        assert line == "☃bar"
        rl2.close()

    def rl1_on_line(line: str) -> None:
        nonlocal rl2
        assert line == "foo"
        rl1.close()
        rl2 = readline.createInterface({"input": inp, "output": out, "terminal": True})
        rl2.on("line", checker.must_call(rl2_on_line))
        inp.write(bytes([0x98, 0x83]))  # The rest of the snowman.
        inp.write("bar\n")

    rl2: readline.Interface
    rl1.on("line", checker.must_call(rl1_on_line))
    # A line and the first byte of a three-byte character (a third of a snowman).
    inp.write(b"foo\n" + bytes([0xE2]))
    run()
