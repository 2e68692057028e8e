"""Port of test/parallel/test-readline-promises-tab-complete.js (Node v20).

Tab completion through ``readline/promises``, with a completer returning the
result and one that is an ``async`` function: for ``'あ'``, ``'𐐷'`` and
``'🐕'`` the typed character is echoed, the first tab writes nothing, the
second writes the completion list in columns and redraws the line (checked
in a microtask after each key, as the result comes after an ``await``); a
completer whose Promise rejects writes ``Tab completion error:`` and the
error's ``util.inspect``.
"""

from __future__ import annotations

from typing import Any

import pytest

from pynet import Promise, queueMicrotask, readline, run
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


def _completions(char: str) -> list[str]:
    return ["First group", "", f"{char}{'a' * 10}", f"{char}{'b' * 10}", char * 11]


@pytest.mark.parametrize("char", ["あ", "𐐷", "🐕"])
@pytest.mark.parametrize("line_break", [True, False])
@pytest.mark.parametrize("kind", ["plain", "async"])
def test_unicode_completions(char: str, line_break: bool, kind: str,
                             checker: CallChecker) -> None:
    def plain(line: str) -> list[Any]:
        return [_completions(char), line]

    async def asynchronous(line: str) -> list[Any]:
        return [_completions(char), line]

    output = [""]
    width = string_width(char) - 1

    def write(data: str) -> None:
        output[0] += data

    fi = FakeInput(((width + 1) * 10 + (0 if line_break else 10)) * 3,
                   checker.must_call(write, times=6))
    completer = plain if kind == "plain" else asynchronous
    rli = readline.promises.Interface({"input": fi, "output": fi, "terminal": True,
                                       "completer": checker.must_call_at_least(completer)})
    last = ("\r\nFirst group\r\n\r\n"
            + f"{char}{'a' * 10}{' ' * (2 + width * 10)}"
            + f"{char}{'b' * 10}"
            + ("\r\n" if line_break else " " * (2 + width * 10))
            + f"{char * 11}\r\n"
            + f"\r\n\x1b[1G\x1b[0J> {char}\x1b[{4 + width}G")
    expectations = [char, "", last]
    rli.on("line", checker.must_not_call())

    def check() -> None:
        assert output[0] == expectations.pop(0)
        output[0] = ""

    for character in f"{char}\t\t":
        fi.emit("data", character)
        queueMicrotask(check)
    rli.close()
    run()
    assert expectations == []


def test_a_rejected_completion_is_written(checker: CallChecker) -> None:
    output = [""]
    error = Exception("message")

    def write(data: str) -> None:
        output[0] += data

    fi = FakeInput(80, checker.must_call(write, times=1))
    rli = readline.promises.Interface({
        "input": fi, "output": fi, "terminal": True,
        "completer": checker.must_call_at_least(lambda line: Promise.reject(error)),
    })
    rli.on("line", checker.must_not_call())
    fi.emit("data", "\t")

    def check() -> None:
        # Node: /^Tab completion error: Error: message/ (see test_readline_tab_complete.py)
        assert output[0] == f"Tab completion error: {inspect(error)}"
        output[0] = ""

    queueMicrotask(check)
    rli.close()
    run()
