"""Port of test/parallel/test-readline-interface.js (Node v20).

Non-terminal blocks: an Interface over a FakeInput (an EventEmitter with
pause/resume) or a Readable: option validation (history, historySize,
tabSize, completer, signal, the crlfDelay floor of 100 ms), one ``'line'``
per ``\\n``, ``\\r\\n`` or lone ``\\r`` (also split across chunks), nothing
before a line ending, the last line at ``'end'`` then ``'close'``, UTF-8
characters split across chunks, question (the prompt written, the answer
instead of ``'line'``, the prompt restored, an AbortSignal cancelling it,
``ERR_USE_AFTER_CLOSE`` after close), prompt/setPrompt/getPrompt, a ``None``
output, pause/resume events (once per change; Node 20 lets resume/write act
after close), close (once, listeners removed from the input), an AbortSignal
closing the interface, and a Writable output receiving exactly the prompt.

Terminal blocks (``terminal: True``, keys as ``'keypress'`` events): the
``'history'`` event and a listener altering the list, ``historySize`` (bound,
0 disables, 30 by default), ``removeHistoryDuplicates`` and the substring
history search with up/down/ctrl-N (``historyIndex`` at each step), the
``history`` option's list, a throwing ``'keypress'`` listener, tab with and
without a completer, cursor positions (``getCursorPos``: questions, wrapping
at ``columns``, tabs and ``tabSize``, multi-line prompts, astral
characters), ctrl-A/E/B/F, word moves and deletions, delete left/right/line,
yank and yank pop, undo/redo, ctrl-L, ctrl-C (close or ``'SIGINT'``),
ctrl-D, the refreshed prompt written to a Writable, crlfDelay, and
``_wordLeft`` on a line of a million spaces.

Left out: the ``util.promisify(rl.question)`` custom-promisify block (pynet's
question has no ``util.promisify.custom``); the stdin/stdout MaxListeners-leak
loop (it reads ``process.stdin._events``, an internal); ``getStringWidth``
and ``stripVTControlCharacters`` (``internal/util/inspect`` under
``--expose-internals``); ``Symbol()``/``1n``/``null`` arguments (no Python
twin; ``None`` is "not given").  Node counts ``rl.cursor`` in UTF-16 units;
pynet in code points (docs/porting-guide.md), so the astral-character blocks
check display columns, which agree.
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


# --- terminal mode ----------------------------------------------------------------


def _term(**options: Any) -> tuple[readline.Interface, FakeInput]:
    """Node's ``getInterface({terminal: true, ...})``: input and output are one FakeInput."""
    fi = FakeInput()
    rli = readline.Interface({"input": fi, "output": fi, "terminal": True, **options})
    return rli, fi


def _pos(rli: readline.Interface, rows: int, cols: int) -> None:
    """Node's ``assertCursorRowsAndCols``."""
    pos = rli.getCursorPos()
    assert (pos.rows, pos.cols) == (rows, cols)


def _key(fi: FakeInput, s: Any = ".", **key: Any) -> None:
    fi.emit("keypress", s, key)


def test_history_validation() -> None:
    fi = FakeInput()
    for history in ("not an array", 123, {}, True):
        with pytest.raises(errors.NodeError) as info:
            readline.createInterface({"input": fi, "history": history})
        assert_node_error(info.value, "ERR_INVALID_ARG_TYPE", "TypeError")
    for size in (-1, math.nan):
        with pytest.raises(errors.NodeError) as info:
            readline.createInterface({"input": fi, "historySize": size})
        assert_node_error(info.value, "ERR_OUT_OF_RANGE", "RangeError")


def test_terminal_cr_is_a_line_ending_and_a_leading_cr_a_blank_line() -> None:
    rli, fi = _term()
    lines: list[str] = []
    rli.on("line", lines.append)
    fi.emit("data", "foo\rbar\rbaz\rbat")
    assert lines == ["foo", "bar", "baz"]
    rli.close()
    rli, fi = _term()
    lines = []
    rli.on("line", lines.append)
    fi.emit("data", "\rfoo\r")
    assert lines == ["", "foo"]
    rli.close()


def test_terminal_tab_goes_to_the_completer(checker: CallChecker) -> None:
    rli, fi = _term(completer=lambda line: [[], line])
    rli.on("line", checker.must_call(lambda line: assert_equal(line, "foo")))
    for character in "\tfo\to\t":
        fi.emit("data", character)
    fi.emit("data", "\n")
    rli.close()


def test_terminal_tab_without_a_completer_is_a_character(checker: CallChecker) -> None:
    rli, fi = _term()
    rli.on("line", checker.must_call(lambda line: assert_equal(line, "\t")))
    fi.emit("data", "\t")
    fi.emit("data", "\n")
    rli.close()


def test_positional_form_with_a_completer_in_terminal_mode(checker: CallChecker) -> None:
    fi = FakeInput()
    rli = readline.Interface(fi, fi, checker.must_call(lambda line: [[], line]), True)
    assert isinstance(rli, readline.Interface)
    fi.emit("data", "a\t")
    rli.close()


def assert_equal(a: Any, b: Any) -> None:
    assert a == b


def test_history_event_with_the_history_list() -> None:
    rli, fi = _term()
    expected_lines = ["foo", "bar", "baz", "bat"]
    seen: list[list[str]] = []

    def on_history(history: list[str]) -> None:
        assert history == expected_lines[:len(history)][::-1]
        seen.append(list(history))

    rli.on("history", on_history)
    for line in expected_lines:
        fi.emit("data", f"{line}\n")
    assert len(seen) == len(expected_lines)
    rli.close()


def test_a_history_listener_may_alter_the_list(checker: CallChecker) -> None:
    rli, fi = _term()

    def on_history(history: list[str]) -> None:
        assert history[0] == "foo"
        history.pop(0)

    def on_line(line: str) -> None:
        assert line == "foo"
        assert len(rli.history) == 0

    rli.on("history", checker.must_call(on_history))
    rli.on("line", checker.must_call(on_line))
    fi.emit("data", "foo\n")
    rli.close()


def test_remove_history_duplicates_and_the_substring_search() -> None:
    rli, fi = _term(removeHistoryDuplicates=True)
    expected_lines = ["foo", "bar", "baz", "bar", "bat", "bat"]
    lines: list[str] = []
    rli.on("line", lines.append)
    fi.emit("data", "\n".join(expected_lines) + "\n")
    assert lines == expected_lines
    assert rli.history == ["bat", "bar", "baz", "foo"]
    steps: list[tuple[dict[str, Any], str, int | None]] = [
        ({"name": "up"}, "bat", None),
        ({"name": "up"}, "bar", None),
        ({"name": "up"}, "baz", None),
        ({"name": "up"}, "foo", None),
        ({"name": "down"}, "baz", 2),
        ({"name": "n", "ctrl": True}, "bar", 1),
        ({"name": "n", "ctrl": True}, "bat", 0),
        # activate the substring history search
        ({"name": "down"}, "bat", -1),
        # deactivate it
        ({"name": "backspace"}, "ba", -1),
        # activate it again
        ({"name": "down"}, "ba", -1),
        ({"name": "down"}, "ba", -1),
        ({"name": "up"}, "bat", 0),
        ({"name": "up"}, "bar", 1),
        ({"name": "up"}, "baz", 2),
        ({"name": "up"}, "ba", 4),
        ({"name": "up"}, "ba", 4),
        # deactivate the search and reset the history index
        ({"name": "right"}, "ba", -1),
        # a new search
        ({"name": "up"}, "bat", 0),
    ]
    for key, line, index in steps:
        _key(fi, **key)
        assert rli.line == line, key
        if index is not None:
            assert rli.historyIndex == index, key
    rli.close()


def test_duplicates_kept_without_remove_history_duplicates() -> None:
    rli, fi = _term(removeHistoryDuplicates=False)
    expected_lines = ["foo", "bar", "baz", "bar", "bat", "bat"]
    fi.emit("data", "\n".join(expected_lines) + "\n")
    seen = []
    for _ in range(5):
        _key(fi, name="up")
        seen.append(rli.line)
    # the repeated 'bat' is stored once (equal to the newest entry)
    assert seen == ["bat", "bar", "baz", "bar", "foo"]
    rli.close()


def test_a_throwing_keypress_listener_restarts_the_decoder() -> None:
    rli, fi = _term()
    keys: list[str] = []
    err = Exception("bad thing happened")

    def on_keypress(key: Any) -> None:
        keys.append(key)
        if key == "X":
            raise err

    fi.on("keypress", on_keypress)
    with pytest.raises(Exception) as info:
        fi.emit("data", "fooX")
    assert info.value is err
    fi.emit("data", "bar")
    assert "".join(keys) == "fooXbar"
    rli.close()


def test_history_is_bound_by_history_size() -> None:
    rli, fi = _term(historySize=2)
    fi.emit("data", "line 1\nline 2\nline 3\n")
    assert rli.history == ["line 3", "line 2"]
    rli.close()


def test_the_history_option_is_the_list_used() -> None:
    history = ["older"]
    rli, fi = _term(history=history)
    assert rli.history is history
    _key(fi, name="up")
    assert rli.line == "older"
    fi.emit("data", "\n")
    assert history == ["older"]  # the same line again is not added twice
    fi.emit("data", "new\n")
    assert history == ["new", "older"]
    rli.close()


@pytest.mark.parametrize("terminal", [True, False])
def test_disabled_and_default_history(terminal: bool) -> None:
    fi = FakeInput()
    rli = readline.Interface({"input": fi, "output": fi, "terminal": terminal, "historySize": 0})
    assert rli.historySize == 0
    fi.emit("data", "asdf\n")
    assert rli.history == []
    rli.close()
    fi = FakeInput()
    rli = readline.Interface({"input": fi, "output": fi, "terminal": terminal})
    assert rli.historySize == 30
    fi.emit("data", "asdf\n")
    assert rli.history == (["asdf"] if terminal else [])
    rli.close()


def test_question_cursor_position() -> None:
    rli, _fi = _term()
    rli.question("foo", lambda answer: rli.close())
    _pos(rli, 0, 3)
    rli.close()
    rli, _fi = _term()
    rli.question("foo\nbar", lambda answer: rli.close())
    _pos(rli, 1, 3)
    rli.close()


def test_line_start_end_and_one_character_moves() -> None:
    rli, fi = _term(prompt="")
    fi.emit("data", "the quick brown fox")
    _key(fi, ctrl=True, name="a")
    _pos(rli, 0, 0)
    _key(fi, ctrl=True, name="e")
    _pos(rli, 0, 19)
    for name, col in (("b", 18), ("b", 17), ("f", 18), ("f", 19)):
        _key(fi, ctrl=True, name=name)
        _pos(rli, 0, col)
    rli.close()


def test_astral_characters_are_two_columns(checker: CallChecker) -> None:
    rli, fi = _term(prompt="")
    fi.emit("data", "💻")
    _key(fi, name="left")
    _pos(rli, 0, 0)
    _key(fi, name="right")
    _pos(rli, 0, 2)
    rli.on("line", checker.must_call(lambda line: assert_equal(line, "💻")))
    fi.emit("data", "\n")
    rli.close()

    rli, fi = _term(prompt="")
    fi.emit("data", "💻")
    _key(fi, name="left")
    fi.emit("data", "🐕")
    _pos(rli, 0, 2)
    rli.on("line", checker.must_call(lambda line: assert_equal(line, "🐕💻")))
    fi.emit("data", "\n")
    rli.close()

    rli, fi = _term(prompt="")
    fi.emit("data", "💻")
    _key(fi, name="right")
    _pos(rli, 0, 2)
    fi.emit("data", "🐕")
    _pos(rli, 0, 4)
    rli.on("line", checker.must_call(lambda line: assert_equal(line, "💻🐕")))
    fi.emit("data", "\n")
    rli.close()


def test_word_left_and_right() -> None:
    rli, fi = _term(prompt="")
    fi.emit("data", "the quick brown fox")
    for key, col in (({"ctrl": True, "name": "left"}, 16), ({"meta": True, "name": "b"}, 10),
                     ({"ctrl": True, "name": "right"}, 16), ({"meta": True, "name": "f"}, 19)):
        _key(fi, **key)
        _pos(rli, 0, col)
    rli.close()


@pytest.mark.parametrize("key", [{"ctrl": True, "name": "w"}, {"ctrl": True, "name": "backspace"},
                                 {"meta": True, "name": "backspace"}])
def test_delete_word_left(key: dict[str, Any], checker: CallChecker) -> None:
    rli, fi = _term(prompt="")
    fi.emit("data", "the quick brown fox")
    _key(fi, ctrl=True, name="left")
    rli.on("line", checker.must_call(lambda line: assert_equal(line, "the quick fox")))
    _key(fi, **key)
    fi.emit("data", "\n")
    rli.close()
    # no effect at the start of the line
    rli, fi = _term(prompt="")
    fi.emit("data", "the quick brown fox")
    _key(fi, ctrl=True, name="a")
    rli.on("line", checker.must_call(lambda line: assert_equal(line, "the quick brown fox")))
    _key(fi, **key)
    fi.emit("data", "\n")
    rli.close()


@pytest.mark.parametrize("key", [{"ctrl": True, "name": "delete"}, {"meta": True, "name": "delete"},
                                 {"meta": True, "name": "d"}])
def test_delete_word_right(key: dict[str, Any], checker: CallChecker) -> None:
    rli, fi = _term(prompt="")
    fi.emit("data", "the quick brown fox")
    _key(fi, ctrl=True, name="left")
    _key(fi, ctrl=True, name="left")
    rli.on("line", checker.must_call(lambda line: assert_equal(line, "the quick fox")))
    _key(fi, **key)
    fi.emit("data", "\n")
    rli.close()
    # no effect at the end of the line
    rli, fi = _term(prompt="")
    fi.emit("data", "the quick brown fox")
    rli.on("line", checker.must_call(lambda line: assert_equal(line, "the quick brown fox")))
    _key(fi, **key)
    fi.emit("data", "\n")
    rli.close()


@pytest.mark.parametrize(("text", "home", "key", "cols", "expected"), [
    ("the quick brown fox", False, {"ctrl": True, "name": "h"}, 18, "the quick brown fo"),
    ("💻", False, {"ctrl": True, "name": "h"}, 0, ""),
    ("the quick brown fox", True, {"ctrl": True, "name": "d"}, 0, "he quick brown fox"),
    ("💻", True, {"ctrl": True, "name": "d"}, 0, ""),
    ("the quick brown fox", False, {"ctrl": True, "shift": True, "name": "backspace"}, 0, ""),
    ("the quick brown fox", True, {"ctrl": True, "shift": True, "name": "delete"}, 0, ""),
])
def test_delete_left_right_and_line(text: str, home: bool, key: dict[str, Any], cols: int,
                                    expected: str, checker: CallChecker) -> None:
    rli, fi = _term(prompt="")
    fi.emit("data", text)
    if home:
        _key(fi, ctrl=True, name="a")
        _pos(rli, 0, 0)
    _key(fi, **key)
    _pos(rli, 0, cols)
    rli.on("line", checker.must_call(lambda line: assert_equal(line, expected)))
    fi.emit("data", "\n")
    rli.close()


def test_yank_and_yank_pop(checker: CallChecker) -> None:
    rli, fi = _term(prompt="")
    fi.emit("data", "the quick brown fox")
    _key(fi, ctrl=True, name="a")
    _key(fi, ctrl=True, name="f")
    _key(fi, ctrl=True, shift=True, name="delete")
    _pos(rli, 0, 1)
    _key(fi, ctrl=True, name="y")
    _pos(rli, 0, 19)
    assert rli.line == "the quick brown fox"

    _key(fi, ctrl=True, name="a")
    for _ in range(4):
        _key(fi, ctrl=True, name="f")
    _key(fi, ctrl=True, shift=True, name="delete")
    _pos(rli, 0, 4)
    _key(fi, ctrl=True, name="a")
    _pos(rli, 0, 0)
    # yank: 'quick brown fox|the '; yank pop: 'he quick brown fox|the '
    _key(fi, ctrl=True, name="y")
    _key(fi, meta=True, name="y")
    _pos(rli, 0, 18)
    rli.on("line", checker.must_call(lambda line: assert_equal(line, "he quick brown foxthe ")))
    fi.emit("data", "\n")
    rli.close()


def test_ctrl_c_closes() -> None:
    rli, fi = _term(prompt="")
    _key(fi, ctrl=True, name="c")
    assert rli.closed


def test_ctrl_c_with_a_sigint_listener_and_ctrl_d(checker: CallChecker) -> None:
    rli, fi = _term(prompt="")
    rli.on("SIGINT", checker.must_call())
    _key(fi, ctrl=True, name="c")
    assert not rli.closed
    fi.emit("data", "x")
    _key(fi, ctrl=True, name="d")  # not at an empty line: deletes right (nothing here)
    assert not rli.closed and rli.line == "x"
    _key(fi, ctrl=True, name="u")
    _key(fi, ctrl=True, name="d")  # an empty line: EOF
    assert rli.closed


def test_multi_line_cursor_positions() -> None:
    rli, fi = _term(prompt="")
    fi.columns = 10  # type: ignore[attr-defined]
    fi.emit("data", "multi-line text")
    _pos(rli, 1, 5)
    rli.close()

    rli, fi = _term(tabSize=16, prompt="")
    fi.columns = 10  # type: ignore[attr-defined]
    fi.emit("data", "multi-line\ttext \t")
    assert rli.cursor == 17
    _pos(rli, 3, 2)
    rli.close()

    rli, fi = _term(prompt="")
    fi.emit("data", "the quick\tbrown\tfox")
    assert rli.cursor == 19
    # the first tab is 7 spaces long, the second 3
    _pos(rli, 0, 27)
    rli.close()

    rli, fi = _term(prompt="\nfilledline\nwraping text\n> ")
    fi.columns = 10  # type: ignore[attr-defined]
    fi.emit("data", "t")
    _pos(rli, 4, 3)
    rli.close()


def test_undo_and_redo() -> None:
    rli, fi = _term(prompt="")
    fi.emit("data", "the quick brown fox")
    _pos(rli, 0, 19)
    for _ in range(2):
        for _ in range(4):
            _key(fi, ctrl=True, shift=False, name="b")
        _key(fi, ",", ctrl=True, shift=False, name="k")
    _pos(rli, 0, 11)
    _key(fi, ",", sequence="\x1f")
    assert rli.line == "the quick brown"
    _key(fi, ",", sequence="\x1f")
    assert rli.line == "the quick brown fox"
    _key(fi, ",", sequence="\x1e")
    assert rli.line == "the quick brown"
    _key(fi, ",", sequence="\x1e")
    assert rli.line == "the quick b"
    fi.emit("data", "\n")
    rli.close()


def test_clear_the_whole_screen(checker: CallChecker) -> None:
    rli, fi = _term(prompt="")
    fi.emit("data", "line 1\nline 2\nline 3")
    _key(fi, ctrl=True, name="l")
    _pos(rli, 0, 6)
    rli.on("line", checker.must_call(lambda line: assert_equal(line, "line 3")))
    fi.emit("data", "\n")
    rli.close()


@pytest.mark.parametrize("terminal", [True, False])
def test_question_and_lines_in_both_modes(terminal: bool, checker: CallChecker) -> None:
    fi = FakeInput()
    rli = readline.Interface({"input": fi, "output": fi, "terminal": terminal})
    rli.question("foo?", checker.must_call(lambda answer: assert_equal(answer, "baz")))
    rli.question("bar?", checker.must_not_call())
    rli.write("baz\n")
    lines: list[str] = []
    rli.on("line", lines.append)
    fi.emit("data", "foo\nbar\nbaz")
    assert lines == ["foo", "bar"]
    for byte in "☮".encode():
        fi.emit("data", bytes([byte]))
    assert lines == ["foo", "bar"]
    fi.emit("data", "\n")
    assert lines == ["foo", "bar", "baz☮"]
    rli.close()
    assert fi.listeners("keypress" if terminal else "data") == []


def test_terminal_end_emits_the_line_being_edited(checker: CallChecker) -> None:
    rli, fi = _term()
    rli.on("line", checker.must_call(lambda line: assert_equal(line, "last"), times=3))
    rli.on("close", checker.must_call())
    fi.emit("data", "last\nlast\nlast")
    fi.emit("end")
    assert rli.closed


def test_terminal_writable_output_gets_the_refreshed_prompt(checker: CallChecker) -> None:
    expected = ["\x1b[1G", "\x1b[0J", "$ ", "\x1b[3G"]
    rl: readline.Interface

    def write(chunk: Any, encoding: Any, cb: Any) -> None:
        assert bytes(chunk).decode() == expected.pop(0)
        cb()
        rl.close()

    output = stream.Writable({"write": checker.must_call(write, times=4)})
    readable = stream.Readable({"read": checker.must_call(lambda size: None)})
    rl = readline.createInterface(
        {"input": readable, "output": output, "prompt": "$ ", "terminal": True})
    rl.prompt()
    assert rl.getPrompt() == "$ "
    run()


def test_terminal_crlf_delay(checker: CallChecker) -> None:
    rli, fi = _term(crlfDelay=200)
    count = [0]
    rli.on("line", lambda line: count.__setitem__(0, count[0] + 1))
    fi.emit("data", "\r")

    def later() -> None:
        fi.emit("data", "\n")
        assert count[0] == 2
        rli.close()

    timers.setTimeout(checker.must_call(later), 210)
    rli2, fi2 = _term(crlfDelay=math.inf)
    count2 = [0]
    rli2.on("line", lambda line: count2.__setitem__(0, count2[0] + 1))
    fi2.emit("data", "\r")

    def later2() -> None:
        fi2.emit("data", "\n")
        assert count2[0] == 1
        rli2.close()

    timers.setTimeout(checker.must_call(later2), 200)
    run()


def test_word_left_on_a_long_line(checker: CallChecker) -> None:
    rl: readline.Interface

    def read(size: Any) -> None:
        readable.push("\x1b[1;5D")  # ctrl + left
        readable.push(None)

    def write(data: Any, encoding: Any, cb: Any) -> None:
        assert rl.cursor == len(rl.line) - 1
        cb()

    readable = stream.Readable({"read": read})
    output = stream.Writable({"write": checker.must_call(write)})
    rl = readline.createInterface({"input": readable, "output": output, "terminal": True})
    rl.line = "a" + " " * 10**6 + "a"
    rl.cursor = len(rl.line)
    run()
