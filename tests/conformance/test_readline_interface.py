"""Port of test/parallel/test-readline-interface.js (Node v20), its non-terminal parts.

An Interface over a FakeInput (an EventEmitter with pause/resume) or a
Readable: option validation (historySize, tabSize, completer, signal, the
crlfDelay floor of 100 ms), one ``'line'`` per ``\\n``, ``\\r\\n`` or lone
``\\r`` (also split across chunks), nothing before a line ending, the last
line at ``'end'`` then ``'close'``, UTF-8 characters split across chunks,
question (the prompt written, the answer instead of ``'line'``, the prompt
restored, an AbortSignal cancelling it, ``ERR_USE_AFTER_CLOSE`` after close),
prompt/setPrompt/getPrompt, a ``None`` output, pause/resume events (once per
change; Node 20 lets resume/write act after close), close (once, listeners
removed from the input), an AbortSignal closing the interface, and a
Writable output receiving exactly the prompt.

Left out: the terminal-mode blocks (history and historySize effects,
removeHistoryDuplicates, tab completion, cursor movement and word deletion
keys, ``_getCursorPos`` with wide characters and multi-line prompts, undo/redo,
the keypress and 'history' events, ``emitKeypressEvents``, escapeCodeTimeout):
pynet has no terminal line editing (docs/porting-guide.md); the
``util.promisify(rl.question)`` custom-promisify block (pynet's question has
no ``util.promisify.custom``); the stdin/stdout MaxListeners-leak loop (it
reads ``process.stdin._events``, an internal); ``getStringWidth`` and
``stripVTControlCharacters`` (``internal/util/inspect`` under
``--expose-internals``).
"""

from __future__ import annotations

import math
from typing import Any

import pytest

from pynet import errors, readline, run, stream, timers
from pynet.abort import AbortController
from pynet.events import EventEmitter
from tests.conformance.common import assert_node_error
from tests.helpers import CallChecker


class FakeInput(EventEmitter):
    """Node's FakeInput: an EventEmitter with no-op resume/pause/write/end."""

    def resume(self) -> None:
        pass

    def pause(self) -> None:
        pass

    def write(self, data: Any, cb: Any = None) -> bool:
        return True

    def end(self) -> None:
        pass


class Output:
    def __init__(self) -> None:
        self.written: list[str] = []

    def write(self, data: str, cb: Any = None) -> bool:
        self.written.append(data)
        return True


def _rli(**options: Any) -> tuple[FakeInput, readline.Interface, list[str]]:
    fi = FakeInput()
    rli = readline.Interface({"input": fi, "output": fi, "terminal": False, **options})
    lines: list[str] = []
    rli.on("line", lines.append)
    return fi, rli, lines


# --- options --------------------------------------------------------------------


def test_history_size_validation() -> None:
    fi = FakeInput()
    for size, code, name in (("not a number", "ERR_INVALID_ARG_TYPE", "TypeError"),
                             (-1, "ERR_OUT_OF_RANGE", "RangeError"),
                             (math.nan, "ERR_OUT_OF_RANGE", "RangeError")):
        with pytest.raises(errors.NodeError) as info:
            readline.Interface({"input": fi, "historySize": size})
        assert_node_error(info.value, code, name)
    assert readline.Interface({"input": fi, "historySize": 0}).historySize == 0
    assert readline.Interface({"input": fi}).historySize == 30


def test_tab_size_validation() -> None:
    fi = FakeInput()
    for size, code, name in ((0, "ERR_OUT_OF_RANGE", "RangeError"),
                             ("4", "ERR_INVALID_ARG_TYPE", "TypeError"),
                             (4.5, "ERR_OUT_OF_RANGE", "RangeError")):
        with pytest.raises(errors.NodeError) as info:
            readline.Interface({"input": fi, "tabSize": size})
        assert_node_error(info.value, code, name)
    assert readline.Interface({"input": fi, "tabSize": 4}).tabSize == 4
    assert readline.Interface({"input": fi}).tabSize == 8


def test_completer_must_be_a_function() -> None:
    with pytest.raises(errors.NodeError) as info:
        readline.createInterface({"input": FakeInput(), "completer": "string is not valid"})
    assert_node_error(info.value, "ERR_INVALID_ARG_VALUE", "TypeError")
    assert str(info.value) == "The argument 'completer' is invalid. Received 'string is not valid'"


def test_signal_must_be_an_abort_signal() -> None:
    with pytest.raises(errors.NodeError) as info:
        readline.createInterface({"input": FakeInput(), "signal": "abc"})
    assert_node_error(info.value, "ERR_INVALID_ARG_TYPE", "TypeError")


@pytest.mark.parametrize(("delay", "expected"), [
    (50, 100), (150, 150), (0, 100), (None, 100), (math.inf, math.inf)])
def test_crlf_delay_has_a_floor_of_100(delay: Any, expected: float) -> None:
    options = {"crlfDelay": delay} if delay is not None else {}
    _fi, rli, _lines = _rli(**options)
    assert rli.crlfDelay == expected
    rli.close()


# --- lines ----------------------------------------------------------------------


def test_full_line_blank_line_and_no_line_without_newline() -> None:
    fi, rli, lines = _rli()
    fi.emit("data", "asdf\n")
    assert lines == ["asdf"]
    fi.emit("data", "\n")
    assert lines == ["asdf", ""]
    fi.emit("data", "a")
    assert lines == ["asdf", ""]
    fi.emit("data", "\n")
    assert lines == ["asdf", "", "a"]
    rli.close()


def test_positional_input_form() -> None:
    # readline.Interface(fi, {}): the input as the first argument.
    fi = FakeInput()
    rli = readline.Interface(fi, {})
    lines: list[str] = []
    rli.on("line", lines.append)
    fi.emit("data", "a")
    assert lines == []
    fi.emit("data", "b\n")
    assert lines == ["ab"]
    rli.close()


def test_multiple_lines_at_once() -> None:
    fi, rli, lines = _rli()
    fi.emit("data", "foo\nbar\nbaz\n")
    assert lines == ["foo", "bar", "baz"]
    fi.emit("data", "foo\nbar\nbaz\nbat")
    assert lines == ["foo", "bar", "baz", "foo", "bar", "baz"]
    rli.close()


def test_end_emits_the_last_line_then_close() -> None:
    fi, rli, _lines = _rli()
    order: list[str] = []
    rli.on("line", lambda line: order.append(f"line:{line}"))
    rli.on("close", lambda: order.append("close"))
    fi.emit("data", "foo\nbar\nbaz\nbat")
    fi.emit("end")
    assert order == ["line:foo", "line:bar", "line:baz", "line:bat", "close"]
    assert rli.closed


def test_end_after_a_final_newline_emits_no_empty_line() -> None:
    fi, rli, lines = _rli()
    closed: list[bool] = []
    rli.on("close", lambda: closed.append(True))
    fi.emit("data", "foo\nbar\nbaz\n")
    fi.emit("end")
    assert lines == ["foo", "bar", "baz"] and closed == [True]


def test_crlf_is_one_line_ending() -> None:
    fi, rli, lines = _rli()
    fi.emit("data", "foo\r\nbar\r\nbaz\r\nbat")
    assert lines == ["foo", "bar", "baz"]
    rli.close()


def test_crlf_split_across_writes_is_one_line_ending() -> None:
    fi, rli, lines = _rli()
    for line in ("foo", "bar", "baz", "bat"):
        fi.emit("data", line + "\r")
        fi.emit("data", "\n")
    assert lines == ["foo", "bar", "baz", "bat"]
    rli.close()


def test_crlf_split_with_crlf_delay_infinity() -> None:
    fi, rli, lines = _rli(crlfDelay=math.inf)
    for line in ("foo", "bar", "baz", "bat"):
        fi.emit("data", line + "\r")
        fi.emit("data", "\n")
    assert lines == ["foo", "bar", "baz", "bat"]
    rli.close()


def test_lone_cr_is_a_line_ending() -> None:
    fi, rli, lines = _rli()
    fi.emit("data", "foo\rbar\rbaz\rbat")
    assert lines == ["foo", "bar", "baz"]
    rli.close()
    fi, rli, lines = _rli()
    fi.emit("data", "\rfoo\r")
    assert lines == ["", "foo"]
    rli.close()


def test_cr_then_lf_after_the_crlf_delay_is_two_endings(checker: CallChecker) -> None:
    # '\r' then, more than crlfDelay (100 ms) later, '\n': two line endings.
    fi, rli, lines = _rli(crlfDelay=100)
    fi.emit("data", "foo\r")

    def late() -> None:
        fi.emit("data", "\n")
        assert lines == ["foo", ""]
        rli.close()

    timers.setTimeout(checker.must_call(late), 200)
    run()


def test_cr_then_lf_within_a_long_crlf_delay_is_one_ending(checker: CallChecker) -> None:
    # Past the default 100 ms but within the 1000 ms setting: one line ending.
    fi, rli, lines = _rli(crlfDelay=1000)
    fi.emit("data", "foo\r")

    def late() -> None:
        fi.emit("data", "\nbar\n")
        assert lines == ["foo", "bar"]
        rli.close()

    timers.setTimeout(checker.must_call(late), 200)
    run()


def test_tab_is_an_ordinary_character() -> None:
    fi, rli, lines = _rli()
    fi.emit("data", "\t")
    fi.emit("data", "\n")
    assert lines == ["\t"]
    rli.close()


def test_multibyte_character_over_several_writes() -> None:
    fi, rli, lines = _rli()
    for byte in "☮".encode():
        fi.emit("data", bytes([byte]))
    assert lines == []
    fi.emit("data", "\n")
    assert lines == ["☮"]
    rli.close()


def test_a_line_listener_may_close_and_the_chunk_goes_on() -> None:
    # Node finishes the chunk's lines after a 'line' listener closes.
    fi, rli, lines = _rli()
    rli.once("line", lambda line: rli.close())
    fi.emit("data", "foo\nbar\n")
    assert lines == ["foo", "bar"]
    fi.emit("data", "baz\n")  # The input's listeners are gone.
    assert lines == ["foo", "bar"]


# --- question, prompt -----------------------------------------------------------


def test_question_writes_the_query_and_takes_the_answer() -> None:
    fi = FakeInput()
    out = Output()
    rli = readline.createInterface({"input": fi, "output": out})
    answers: list[str] = []
    rli.question("foo? ", answers.append)
    assert rli.getPrompt() == "foo? "
    fi.emit("data", "bar\nbaz\n")
    rli.on("line", lambda line: answers.append(f"line:{line}"))
    fi.emit("data", "qux\n")
    assert out.written == ["foo? "]
    assert answers == ["bar", "line:qux"]
    assert rli.getPrompt() == "> "
    rli.close()


def test_question_cancelled_by_its_signal() -> None:
    fi = FakeInput()
    out = Output()
    rli = readline.createInterface({"input": fi, "output": out})
    ac = AbortController()
    answers: list[str] = []
    rli.question("hi ", {"signal": ac.signal}, answers.append)
    ac.abort()
    lines: list[str] = []
    rli.on("line", lines.append)
    fi.emit("data", "x\n")
    assert out.written == ["hi ", "\r\n"]
    assert answers == [] and lines == ["x"]
    assert rli.getPrompt() == "> "
    rli.close()


def test_question_with_an_aborted_signal_does_nothing() -> None:
    fi = FakeInput()
    out = Output()
    rli = readline.createInterface({"input": fi, "output": out})
    ac = AbortController()
    ac.abort()
    rli.question("hello?", {"signal": ac.signal}, lambda answer: None)
    assert out.written == []
    rli.close()


def test_question_after_close_throws() -> None:
    _fi, rli, _lines = _rli()
    rli.close()
    with pytest.raises(errors.NodeError) as info:
        rli.question("What's your name?", lambda answer: None)
    assert_node_error(info.value, "ERR_USE_AFTER_CLOSE", "Error")
    assert str(info.value) == "readline was closed"


def test_prompt_and_set_prompt() -> None:
    fi = FakeInput()
    out = Output()
    rli = readline.createInterface({"input": fi, "output": out, "prompt": "$ "})
    assert rli.getPrompt() == "$ "
    rli.prompt()
    rli.setPrompt("% ")
    rli.prompt()
    assert out.written == ["$ ", "% "]
    assert rli.getPrompt() == "% "
    rli.close()


def test_null_output() -> None:
    fi = FakeInput()
    rli = readline.Interface({"input": fi, "output": None, "terminal": False})
    lines: list[str] = []
    rli.on("line", lines.append)
    fi.emit("data", "asdf\n")
    assert lines == ["asdf"]
    rli.setPrompt("ddd> ")
    rli.prompt()
    rli.write("really shouldnt be seeing this")
    answers: list[str] = []
    rli.question("What do you think of node.js? ", answers.append)
    fi.emit("data", "good\n")
    assert answers == ["really shouldnt be seeing thisgood"]
    rli.close()


def test_writable_output_gets_the_prompt(checker: CallChecker) -> None:
    rl: readline.Interface

    def write(chunk: Any, encoding: Any, cb: Any) -> None:
        assert bytes(chunk).decode() == "$ "
        cb()
        rl.close()

    output = stream.Writable({"write": checker.must_call(write)})
    readable = stream.Readable({"read": lambda size: None})
    rl = readline.createInterface(
        {"input": readable, "output": output, "prompt": "$ ", "terminal": False})
    rl.prompt()
    assert rl.getPrompt() == "$ "
    run()


# --- pause, resume, close -------------------------------------------------------


def test_pause_and_resume_events_once_per_change() -> None:
    _fi, rli, _lines = _rli()
    events: list[str] = []
    for name in ("pause", "resume", "close"):
        rli.on(name, lambda name=name: events.append(name))
    assert rli.pause() is rli
    assert rli.pause() is None
    assert rli.resume() is rli
    assert rli.resume() is None
    rli.pause()
    rli.close()
    assert events == ["pause", "resume", "pause", "close"]


def test_close_once_and_detach_from_the_input() -> None:
    fi, rli, lines = _rli()
    closes: list[bool] = []
    rli.on("close", lambda: closes.append(True))
    rli.close()
    rli.close()
    assert closes == [True] and rli.closed
    fi.emit("data", "x\n")
    assert lines == []
    assert [fi.listenerCount(name) for name in ("data", "end", "error")] == [0, 0, 0]


def test_resume_and_write_after_close_in_node_20() -> None:
    # Node 20 checks only question() after close (newer Node throws in all three).
    _fi, rli, lines = _rli()
    events: list[str] = []
    rli.on("resume", lambda: events.append("resume"))
    rli.close()
    assert rli.pause() is None
    rli.resume()
    rli.write("late\n")
    assert events == ["resume"] and lines == ["late"]


def test_write_resumes_a_paused_interface() -> None:
    _fi, rli, lines = _rli()
    events: list[str] = []
    rli.on("resume", lambda: events.append("resume"))
    rli.pause()
    rli.write("foo\n")
    assert events == ["resume"] and lines == ["foo"]
    rli.close()


def test_abort_signal_closes(checker: CallChecker) -> None:
    ac = AbortController()
    fi = FakeInput()
    rli = readline.createInterface({"input": fi, "signal": ac.signal})
    rli.on("close", checker.must_call())
    ac.abort()
    assert rli.closed


def test_already_aborted_signal_closes_on_next_tick(checker: CallChecker) -> None:
    ac = AbortController()
    ac.abort()
    rli = readline.createInterface({"input": FakeInput(), "signal": ac.signal})
    assert not rli.closed
    rli.on("close", checker.must_call())
    run()
    assert rli.closed


def test_input_error_is_emitted(checker: CallChecker) -> None:
    fi, rli, _lines = _rli()
    err = Exception("boom")
    rli.on("error", checker.must_call(lambda e: _is(e, err)))
    fi.emit("error", err)
    rli.close()


def _is(actual: Any, expected: Any) -> None:
    assert actual is expected
