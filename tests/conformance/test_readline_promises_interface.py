"""Port of test/parallel/test-readline-promises-interface.js (Node v20).

Node's file repeats test-readline-interface.js with ``readline/promises``; this
port runs the blocks where the promises interface differs, or where its
terminal mode is the subject: option validation (completer, history,
historySize, tabSize), the terminal line endings and tab with a completer,
the ``'history'`` event, ``removeHistoryDuplicates`` with the substring
search, the bound history, question cursor positions, and, in both modes,
``question()`` returning a Promise (the answer; an AbortSignal: the answer
before an abort, an ``AbortError`` on abort, ``cause`` the signal's reason
when already aborted; ``ERR_USE_AFTER_CLOSE`` after close; a ``None``
output), the refreshed prompt written to a Writable and crlfDelay.  The
editing-key blocks are the same code as test-readline-interface.js's
(``tests/conformance/test_readline_interface.py``) and are not repeated;
``Symbol()``/``1n``/``null`` arguments have no Python twin.
"""

from __future__ import annotations

import math
from typing import Any

import pytest

from pynet import errors, readline, run, stream, timers
from pynet.abort import AbortController, AbortSignal
from pynet.events import EventEmitter
from tests.conformance.common import assert_node_error
from tests.helpers import CallChecker

rlp = readline.promises


class FakeInput(EventEmitter):
    def resume(self) -> None:
        pass

    def pause(self) -> None:
        pass

    def write(self, data: Any = None, cb: Any = None) -> bool:
        return True

    def end(self) -> None:
        pass


def _iface(**options: Any) -> tuple[Any, FakeInput]:
    fi = FakeInput()
    rli = rlp.Interface({"input": fi, "output": fi, **options})
    return rli, fi


def assert_equal(a: Any, b: Any) -> None:
    assert a == b


@pytest.mark.parametrize("delay", [None, 50, 0, 100.5, 5000])
def test_crlf_delay(delay: Any) -> None:
    rli, _fi = _iface(crlfDelay=delay)
    assert rli.crlfDelay == max(delay or 100, 100)
    rli.close()


def test_option_validation() -> None:
    fi = FakeInput()
    for completer in ("string is not valid", "", False):
        with pytest.raises(errors.NodeError) as info:
            rlp.createInterface({"input": fi, "completer": completer})
        assert_node_error(info.value, "ERR_INVALID_ARG_VALUE", "TypeError")
    for history in ("not an array", 123, {}, True):
        with pytest.raises(errors.NodeError) as info:
            rlp.createInterface({"input": fi, "history": history})
        assert_node_error(info.value, "ERR_INVALID_ARG_TYPE", "TypeError")
    for size in (-1, math.nan):
        with pytest.raises(errors.NodeError) as info:
            rlp.createInterface({"input": fi, "historySize": size})
        assert_node_error(info.value, "ERR_OUT_OF_RANGE", "RangeError")
    for size in ("not a number", {}, True):
        with pytest.raises(errors.NodeError) as info:
            rlp.createInterface({"input": fi, "historySize": size})
        assert_node_error(info.value, "ERR_INVALID_ARG_TYPE", "TypeError")
    with pytest.raises(errors.NodeError) as info:
        rlp.Interface({"input": fi, "tabSize": 0})
    assert info.value.code == "ERR_OUT_OF_RANGE"
    with pytest.raises(errors.NodeError) as info:
        rlp.Interface({"input": fi, "tabSize": "4"})
    assert info.value.code == "ERR_INVALID_ARG_TYPE"
    with pytest.raises(errors.NodeError) as info:
        rlp.Interface({"input": fi, "tabSize": 4.5})
    assert str(info.value) == ('The value of "tabSize" is out of range. '
                               "It must be an integer. Received 4.5")


def test_terminal_line_endings_and_tab(checker: CallChecker) -> None:
    rli, fi = _iface(terminal=True)
    lines: list[str] = []
    rli.on("line", lines.append)
    fi.emit("data", "foo\rbar\rbaz\rbat")
    fi.emit("data", "\rfoo\r")
    assert lines == ["foo", "bar", "baz", "bat", "foo"]
    rli.close()
    rli, fi = _iface(terminal=True, completer=lambda line: [[], line])
    rli.on("line", checker.must_call(lambda line: assert_equal(line, "foo")))
    for character in "\tfo\to\t":
        fi.emit("data", character)
    fi.emit("data", "\n")
    rli.close()
    run()  # the promises completer's result is applied after an await


def test_history_event_and_duplicates() -> None:
    rli, fi = _iface(terminal=True, removeHistoryDuplicates=True)
    seen: list[list[str]] = []
    rli.on("history", lambda h: seen.append(list(h)))
    fi.emit("data", "foo\nbar\nbaz\nbar\nbat\nbat\n")
    assert seen[-1] == ["bat", "bar", "baz", "foo"]
    assert len(seen) == 6
    for expected, index in (("bat", 0), ("bar", 1), ("baz", 2), ("foo", 3)):
        fi.emit("keypress", ".", {"name": "up"})
        assert (rli.line, rli.historyIndex) == (expected, index)
    fi.emit("keypress", ".", {"name": "down"})
    assert (rli.line, rli.historyIndex) == ("baz", 2)
    rli.close()
    rli, fi = _iface(terminal=True, historySize=2)
    fi.emit("data", "line 1\nline 2\nline 3\n")
    assert rli.history == ["line 3", "line 2"]
    rli.close()


def test_question_cursor_positions() -> None:
    rli, _fi = _iface(terminal=True)
    rli.question("foo").then(lambda answer: rli.close())
    pos = rli.getCursorPos()
    assert (pos.rows, pos.cols) == (0, 3)
    rli.close()
    rli, _fi = _iface(terminal=True)
    rli.question("foo\nbar").then(lambda answer: rli.close())
    pos = rli.getCursorPos()
    assert (pos.rows, pos.cols) == (1, 3)
    rli.close()


@pytest.mark.parametrize("terminal", [True, False])
def test_question_returns_a_promise(terminal: bool, checker: CallChecker) -> None:
    rli, _fi = _iface(terminal=terminal)
    rli.question("foo?").then(checker.must_call(lambda answer: assert_equal(answer, "bar")))
    rli.write("bar\n")
    rli.close()

    rli, _fi = _iface(terminal=terminal)
    signal = AbortController().signal
    rli.question("foo?", {"signal": signal}).then(
        checker.must_call(lambda answer: assert_equal(answer, "bar")))
    rli.write("bar\n")
    rli.close()
    run()


@pytest.mark.parametrize("terminal", [True, False])
def test_aborting_a_question(terminal: bool, checker: CallChecker) -> None:
    ac = AbortController()
    rli, _fi = _iface(terminal=terminal)
    rli.on("line", checker.must_call(lambda line: assert_equal(line, "bar")))
    rli.question("hello?", {"signal": ac.signal}).then(
        checker.must_not_call(),
        checker.must_call(lambda err: assert_equal(err.name, "AbortError")))
    ac.abort()
    rli.write("bar\n")
    rli.close()

    rli2, _fi2 = _iface(terminal=terminal)

    def rejected(err: Any) -> None:
        assert err.name == "AbortError"
        assert err.cause == "boom"

    rli2.question("hello", {"signal": AbortSignal.abort("boom")}).then(
        checker.must_not_call(), checker.must_call(rejected))
    rli2.close()

    ac3 = AbortController()
    ac3.abort()
    rli3, _fi3 = _iface(terminal=terminal)
    rli3.question("hello?", {"signal": ac3.signal}).then(
        checker.must_not_call(),
        checker.must_call(lambda err: assert_equal(err.name, "AbortError")))
    rli3.close()
    run()


@pytest.mark.parametrize("terminal", [True, False])
def test_question_after_close_rejects(terminal: bool, checker: CallChecker) -> None:
    rli, fi = _iface(terminal=terminal)

    def answered(name: str) -> None:
        assert name == "Node.js"
        rli.close()

        def rejected(err: Any) -> None:
            assert_node_error(err, "ERR_USE_AFTER_CLOSE", "Error")

        rli.question("How are you?").then(checker.must_not_call(), checker.must_call(rejected))
        assert rli.getPrompt() != "How are you?"

    rli.question("What's your name?").then(checker.must_call(answered))
    fi.emit("data", "Node.js\n")
    run()


@pytest.mark.parametrize("terminal", [True, False])
def test_a_none_output(terminal: bool, checker: CallChecker) -> None:
    rli, fi = _iface(output=None, terminal=terminal)
    rli.on("line", checker.must_call(lambda line: assert_equal(line, "asdf")))
    fi.emit("data", "asdf\n")
    rli.setPrompt("ddd> ")
    rli.prompt()
    rli.write("really shouldn't be seeing this")
    rli.question("What do you think of node.js? ").then(lambda answer: rli.close())
    rli.close()
    run()


@pytest.mark.parametrize("terminal", [True, False])
def test_the_prompt_written_to_a_writable(terminal: bool, checker: CallChecker) -> None:
    expected = ["\x1b[1G", "\x1b[0J", "$ ", "\x1b[3G"] if terminal else ["$ "]
    rl: Any

    def write(chunk: Any, encoding: Any, cb: Any) -> None:
        assert bytes(chunk).decode() == expected.pop(0)
        cb()
        rl.close()

    output = stream.Writable({"write": checker.must_call(write, times=len(expected))})
    rl = rlp.createInterface({"input": stream.Readable({"read": checker.must_call()}),
                              "output": output, "prompt": "$ ", "terminal": terminal})
    rl.prompt()
    assert rl.getPrompt() == "$ "
    run()


@pytest.mark.parametrize("terminal", [True, False])
def test_crlf_delay_timing(terminal: bool, checker: CallChecker) -> None:
    rli, fi = _iface(terminal=terminal, crlfDelay=200)
    count = [0]
    rli.on("line", lambda line: count.__setitem__(0, count[0] + 1))
    fi.emit("data", "\r")

    def later() -> None:
        fi.emit("data", "\n")
        assert count[0] == 2
        rli.close()

    timers.setTimeout(checker.must_call(later), 210)
    rli2, fi2 = _iface(terminal=terminal, crlfDelay=math.inf)
    count2 = [0]
    rli2.on("line", lambda line: count2.__setitem__(0, count2[0] + 1))
    fi2.emit("data", "\r")

    def later2() -> None:
        fi2.emit("data", "\n")
        assert count2[0] == 1
        rli2.close()

    timers.setTimeout(checker.must_call(later2), 125)
    run()


def test_ctrl_c_and_ctrl_d_reject_a_pending_question(checker: CallChecker) -> None:
    # Node 20.20's kTtyWrite: closing with ctrl-C/ctrl-D rejects the question.
    for sequence, message in (("\x03", "Aborted with Ctrl+C"), ("\x04", "Aborted with Ctrl+D")):
        rli, fi = _iface(terminal=True)

        def rejected(err: Any, message: str = message) -> None:
            assert err.name == "AbortError" and str(err) == message

        rli.question("Q? ").then(checker.must_not_call(), checker.must_call(rejected))
        fi.emit("data", sequence)
        assert rli.closed
    run()
