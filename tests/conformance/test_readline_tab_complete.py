"""Port of test/parallel/test-readline-tab-complete.js (Node v20).

Tab completion on a terminal-mode interface writes as little as it can: for
``'あ'``, ``'𐐷'`` and ``'🐕'`` (display widths 2, 1 and 2), typing the
character echoes it, the first tab writes nothing, the second writes the
completion list in columns of the widest entry plus two spaces (a group
heading on its own line, a row break where the output's ``columns`` end)
and then redraws the prompt and the line; a callback completer's error is
written as ``Tab completion error:`` and its ``util.inspect``; a callback completer's
result replaces the completed text (``> Input``).  JavaScript's
``queueMicrotask`` steps are pynet's.
"""

from __future__ import annotations

from typing import Any

import pytest

from pynet import queueMicrotask, readline, run
from pynet._js.inspect import string_width
from pynet.events import EventEmitter
from pynet.util import inspect
from tests.helpers import CallChecker


class FakeInput(EventEmitter):
    def __init__(self, columns: int, write: Any) -> None:
        super().__init__()
        self.columns = columns
        self.write = write

    def resume(self) -> None:
        pass

    def pause(self) -> None:
        pass

    def end(self) -> None:
        pass


@pytest.mark.parametrize("char", ["あ", "𐐷", "🐕"])
@pytest.mark.parametrize("line_break", [True, False])
def test_unicode_completions_and_minimal_writes(char: str, line_break: bool,
                                                checker: CallChecker) -> None:
    def completer(line: str) -> list[Any]:
        return [["First group", "", f"{char}{'a' * 10}", f"{char}{'b' * 10}", char * 11], line]

    output = [""]
    width = string_width(char) - 1

    def write(data: str) -> None:
        output[0] += data

    fi = FakeInput(((width + 1) * 10 + (0 if line_break else 10)) * 3,
                   checker.must_call(write, times=6))
    rli = readline.Interface({"input": fi, "output": fi, "terminal": True,
                              "completer": checker.must_call_at_least(completer)})
    last = ("\r\nFirst group\r\n\r\n"
            + f"{char}{'a' * 10}{' ' * (2 + width * 10)}"
            + f"{char}{'b' * 10}"
            + ("\r\n" if line_break else " " * (2 + width * 10))
            + f"{char * 11}\r\n"
            + f"\r\n\x1b[1G\x1b[0J> {char}\x1b[{4 + width}G")
    expectations = [char, "", last]
    rli.on("line", checker.must_not_call())
    for character in f"{char}\t\t":
        fi.emit("data", character)
        assert output[0] == expectations.pop(0)
        output[0] = ""
    rli.close()


def test_a_completer_error_is_written(checker: CallChecker) -> None:
    output = [""]

    def write(data: str) -> None:
        output[0] += data

    fi = FakeInput(80, checker.must_call(write, times=1))
    calls = [0]
    error = Exception("message")

    # Not wrapped by the checker: a callback completer is told by its two
    # parameters (Node's mustCall keeps fn.length; the checker's wrapper does not).
    def completer(_: str, cb: Any) -> None:
        calls[0] += 1
        cb(error)

    rli = readline.Interface({"input": fi, "output": fi, "terminal": True,
                              "completer": completer})
    rli.on("line", checker.must_not_call())
    fi.emit("data", "\t")

    def check() -> None:
        # Node: /^Tab completion error: Error: message/ (inspect of an Error
        # with its stack); a Python exception never raised has no traceback,
        # so inspect prints it as Node prints an Error without a stack.
        assert output[0] == f"Tab completion error: {inspect(error)}" \
            == "Tab completion error: [Exception: message]"
        output[0] = ""

    queueMicrotask(check)
    rli.close()
    run()
    assert calls[0] >= 1


def test_a_callback_completer_replaces_the_completed_text(checker: CallChecker) -> None:
    output = [""]

    def write(data: str) -> None:
        output[0] += data

    fi = FakeInput(80, checker.must_call(write, times=9))

    calls = [0]

    def completer(text: str, cb: Any) -> None:
        calls[0] += 1
        cb(None, [[text[0].upper() + text[1:]], text])

    rli = readline.Interface({"input": fi, "output": fi, "terminal": True,
                              "completer": completer})
    rli.on("line", checker.must_not_call())
    fi.emit("data", "input")

    def second() -> None:
        assert "> Input" in output[0]
        output[0] = ""
        rli.close()

    def first() -> None:
        fi.emit("data", "\t")
        queueMicrotask(second)

    queueMicrotask(first)
    run()
    assert calls[0] == 1
