"""Port of test/parallel/test-readline.js (Node v20).

With ``terminal: True`` on a PassThrough input: text without a line ending is
emitted as a line when the input ends, not before; ``'abc\\n'`` is one line;
``rl.write(sequence, key)`` moves the cursor home and end (the xterm, gnome,
rxvt and putty forms: the key object decides), meta-f/meta-b move by words
(``foo bar.hop/zoo``: punctuation runs are words) and meta-d deletes the
word right of the cursor.
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


def test_home_and_end_keys() -> None:
    _inp, rl = _interface()
    rl.write("foo")
    assert rl.cursor == 3
    keys = [
        (("\x1b[H", {"ctrl": True, "name": "a"}), ("\x1b[F", {"ctrl": True, "name": "e"})),
        (("\x1bOH", {"ctrl": True, "name": "a"}), ("\x1bOF", {"ctrl": True, "name": "e"})),
        (("\x1b[7", {"ctrl": True, "name": "a"}), ("\x1b[8", {"ctrl": True, "name": "e"})),
        (("\x1b[1~", {"ctrl": True, "name": "a"}), ("\x1b[>~", {"ctrl": True, "name": "e"})),
    ]
    for home, end in keys:
        rl.write(*home)
        assert rl.cursor == 0
        rl.write(*end)
        assert rl.cursor == 3
    rl.close()
    run()


def test_meta_f_and_meta_b_move_by_words() -> None:
    _inp, rl = _interface()
    rl.write("foo bar.hop/zoo")
    rl.write("\x1b[H", {"ctrl": True, "name": "a"})
    metaf = ("\x1bf", {"meta": True, "name": "f"})
    metab = ("\x1bb", {"meta": True, "name": "b"})
    for cursor, key in [(4, metaf), (7, metaf), (8, metaf), (11, metaf), (12, metaf),
                        (15, metaf), (12, metab), (11, metab), (8, metab), (7, metab),
                        (4, metab), (0, metab)]:
        rl.write(*key)
        assert rl.cursor == cursor
    rl.close()
    run()


def test_meta_d_deletes_the_next_word() -> None:
    _inp, rl = _interface()
    rl.write("foo bar.hop/zoo")
    rl.write("\x1b[H", {"ctrl": True, "name": "a"})
    for expected in ["bar.hop/zoo", ".hop/zoo", "hop/zoo", "/zoo", "zoo", ""]:
        rl.write("\x1bd", {"meta": True, "name": "d"})
        assert rl.cursor == 0
        assert rl.line == expected
    rl.close()
    run()


def _equal(actual: str, expected: str) -> None:
    assert actual == expected
