"""pynet.readline on a fake input stream (no network): Node's non-terminal Interface."""

from __future__ import annotations

from typing import Any

import pytest

from pynet import errors, readline, stream
from pynet.abort import AbortController
from pynet.events import EventEmitter


class FakeInput(EventEmitter):
    """The part of a Readable that readline uses: events, pause() and resume()."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[str] = []

    def pause(self) -> None:
        self.calls.append("pause")

    def resume(self) -> None:
        self.calls.append("resume")


class FakeOutput:
    def __init__(self) -> None:
        self.written: list[str] = []

    def write(self, data: str, cb: Any = None) -> bool:
        self.written.append(data)
        return True


def _interface(**options: Any) -> tuple[readline.Interface, FakeInput, list[str]]:
    inp = FakeInput()
    rl = readline.createInterface({"input": inp, **options})
    events: list[str] = []
    rl.on("line", lambda line: events.append(f"line:{line}"))
    rl.on("close", lambda: events.append("close"))
    rl.on("pause", lambda: events.append("pause"))
    rl.on("resume", lambda: events.append("resume"))
    return rl, inp, events


def test_lines_across_chunks_and_the_last_line_at_end(loop: Any) -> None:
    rl, inp, events = _interface()
    assert inp.calls == ["resume"]
    inp.emit("data", b"one\ntw")
    inp.emit("data", b"o\r\nthr")
    assert events == ["line:one", "line:two"]
    inp.emit("end")
    assert events == ["line:one", "line:two", "line:thr", "pause", "close"]
    assert rl.closed and inp.calls == ["resume", "pause"]
    assert not inp.listenerCount("data") and not inp.listenerCount("end")


def test_crlf_split_across_chunks_is_one_ending(loop: Any) -> None:
    _rl, inp, events = _interface()
    inp.emit("data", b"a\r")
    inp.emit("data", b"\nb\n")
    assert events == ["line:a", "line:b"]


def test_lone_cr_ends_a_line_and_strings_pass_through(loop: Any) -> None:
    _rl, inp, events = _interface()
    inp.emit("data", "x\ry\r\r\nz")
    inp.emit("data", "\n")
    assert events == ["line:x", "line:y", "line:", "line:z"]


def test_question_takes_the_next_line_and_restores_the_prompt(loop: Any) -> None:
    out = FakeOutput()
    rl, inp, events = _interface(output=out, prompt="$ ")
    answers: list[str] = []
    rl.question("name? ", answers.append)
    assert out.written == ["name? "] and rl.getPrompt() == "name? "
    inp.emit("data", b"ada\nnext\n")
    assert answers == ["ada"] and events == ["line:next"]
    assert rl.getPrompt() == "$ "
    rl.prompt()
    assert out.written[-1] == "$ "


def test_question_callback_may_take_no_argument(loop: Any) -> None:
    rl, inp, _events = _interface()
    called: list[bool] = []
    rl.question("q? ", lambda: called.append(True))
    inp.emit("data", b"x\n")
    assert called == [True]


def test_question_with_aborted_signal_is_ignored(loop: Any) -> None:
    rl, inp, events = _interface()
    ac = AbortController()
    ac.abort()
    rl.question("q? ", {"signal": ac.signal}, lambda a: events.append("answer"))
    inp.emit("data", b"x\n")
    assert events == ["line:x"]


def test_pause_resume_emit_once_and_only_question_fails_after_close(loop: Any) -> None:
    rl, _inp, events = _interface()
    assert rl.pause() is rl
    assert rl.pause() is None
    assert rl.resume() is rl
    rl.close()
    rl.close()
    assert events == ["pause", "resume", "pause", "close"]
    # Node 20: close() left it paused, so pause() does nothing; resume() and
    # write() still work; only question() throws.
    assert rl.pause() is None
    assert rl.resume() is rl
    rl.write("late\n")
    assert events == ["pause", "resume", "pause", "close", "resume", "line:late"]
    with pytest.raises(errors.ERR_USE_AFTER_CLOSE, match=r"^readline was closed$"):
        rl.question("q", print)


def test_write_feeds_lines_and_resumes(loop: Any) -> None:
    rl, _inp, events = _interface()
    rl.pause()
    rl.write("a\nb")
    rl.write("\n")
    assert events == ["pause", "resume", "line:a", "line:b"]


def test_input_error_is_re_emitted(loop: Any) -> None:
    rl, inp, _events = _interface()
    seen: list[Exception] = []
    rl.on("error", seen.append)
    boom = ValueError("boom")
    inp.emit("error", boom)
    assert seen == [boom]


def test_abort_signal_closes(loop: Any) -> None:
    ac = AbortController()
    _rl, _inp, events = _interface(signal=ac.signal)
    ac.abort()
    assert events == ["pause", "close"]


@pytest.mark.parametrize(("size", "error", "base"), [
    (-1, errors.ERR_OUT_OF_RANGE, ValueError),
    (float("nan"), errors.ERR_OUT_OF_RANGE, ValueError),
    ("3", errors.ERR_INVALID_ARG_TYPE, TypeError),
])
def test_bad_history_size(loop: Any, size: Any, error: Any, base: Any) -> None:
    # Node 20's validateNumber(historySize, 'historySize', 0).
    with pytest.raises(error) as info:
        readline.createInterface({"input": FakeInput(), "historySize": size})
    assert isinstance(info.value, base)


def test_positional_form_and_terminal_from_output(loop: Any) -> None:
    out = FakeOutput()
    out.isTTY = True  # type: ignore[attr-defined]
    rl = readline.createInterface(FakeInput(), out)
    assert rl.terminal is True and rl.output is out
    rl.close()


def test_crlf_delay_minimum(loop: Any) -> None:
    rl, _inp, _events = _interface(crlfDelay=5)
    assert rl.crlfDelay == 100
    rl2, _, _ = _interface(crlfDelay=250)
    assert rl2.crlfDelay == 250


def test_bad_completer(loop: Any) -> None:
    with pytest.raises(errors.ERR_INVALID_ARG_VALUE):
        readline.createInterface({"input": FakeInput(), "completer": 5})


# -- the per-line emit (Interface._emit_lines, readline's hot loop) ----


def test_line_listeners_of_every_shape_get_what_emit_gives(loop: Any) -> None:
    rl, inp, _ = _interface()
    got: list[Any] = []
    rl.on("line", lambda: got.append("none"))
    rl.on("line", lambda line, extra: got.append(("two", line, extra)))
    rl.on("line", lambda *args: got.append(("all", *args)))
    rl.once("line", lambda line: got.append(("once", line)))
    inp.emit("data", b"a\nb\n")
    assert got == ["none", ("two", "a", None), ("all", "a"), ("once", "a"),
                   "none", ("two", "b", None), ("all", "b")]


def test_a_listener_removed_by_an_earlier_line_misses_the_next_lines(loop: Any) -> None:
    rl, inp, _ = _interface()
    got: list[str] = []

    def second(line: str) -> None:
        got.append(f"second:{line}")

    def first(line: str) -> None:
        got.append(f"first:{line}")
        rl.off("line", second)

    rl.on("line", first)
    rl.on("line", second)
    inp.emit("data", b"a\nb\n")
    # Node: the listeners of one emit are fixed when it starts.
    assert got == ["first:a", "second:a", "first:b"]


def test_an_overridden_emit_sees_every_line(loop: Any) -> None:
    seen: list[Any] = []

    class Spy(readline.Interface):
        def emit(self, event: Any, *args: Any) -> bool:
            seen.append((event, *args))
            return super().emit(event, *args)

    inp = FakeInput()
    Spy(inp)
    inp.emit("data", b"a\nb\n")
    assert seen == [("line", "a"), ("line", "b")]

    rl, inp2, events = _interface()
    original = rl.emit
    rl.emit = lambda event, *args: (seen.append(("own", event, *args)),  # type: ignore[method-assign]
                                    original(event, *args))[1]
    inp2.emit("data", b"c\n")
    assert seen[2:] == [("own", "line", "c")] and events == ["line:c"]


def test_an_async_line_listener_runs_and_its_rejection_is_captured(loop: Any) -> None:
    from pynet import events as events_module
    events_module.captureRejections = True
    try:
        rl, inp, _ = _interface()
    finally:
        events_module.captureRejections = False
    ran: list[str] = []
    errors_seen: list[Any] = []
    rl.on("error", errors_seen.append)

    async def listener(line: str) -> None:
        ran.append(line)
        raise ValueError(line)

    rl.on("line", listener)
    inp.emit("data", b"x\n")
    loop.run()
    assert ran == ["x"]
    assert [str(e) for e in errors_seen] == ["x"]


def test_a_question_asked_by_a_line_listener_takes_the_next_line_of_the_chunk(loop: Any) -> None:
    rl, inp, events = _interface(output=FakeOutput())
    answers: list[str] = []

    def ask(line: str) -> None:
        if line == "a":
            rl.question("? ", answers.append)

    rl.on("line", ask)
    inp.emit("data", b"a\nb\nc\n")
    assert answers == ["b"]
    assert events == ["line:a", "line:c"]


def test_terminal_cursor_counts_code_points(loop: Any) -> None:
    """Porting guide: ``rl.cursor`` counts code points (Node: UTF-16 units, 2
    for an astral character); the display columns are Node's."""
    inp = stream.PassThrough()
    rl = readline.createInterface({"input": inp, "terminal": True, "prompt": ""})
    assert rl.closed is False  # Node: undefined until close
    rl.write("💻a")
    assert rl.cursor == 2 and len(rl.line) == 2
    assert rl.getCursorPos() == {"cols": 3, "rows": 0}
    rl.write(None, {"name": "left"})
    rl.write(None, {"name": "left"})
    assert rl.cursor == 0
    rl.close()
    loop.run()


def test_listeners_added_and_close_called_by_a_line_listener_mid_chunk(loop: Any) -> None:
    """Node 20 (the same program):
    rl.on('line', (l) => { got.push('first:' + l);
      if (l === 'a') rl.on('line', (m) => got.push('added:' + m));
      if (l === 'b') rl.close(); });
    rl.on('close', () => got.push('close'));
    input.write('a\\nb\\nc\\n')
    -> first:a first:b close added:b first:c added:c
    """
    inp = FakeInput()
    rl = readline.createInterface({"input": inp})
    got: list[str] = []

    def first(line: str) -> None:
        got.append(f"first:{line}")
        if line == "a":
            rl.on("line", lambda m: got.append(f"added:{m}"))
        if line == "b":
            rl.close()

    rl.on("line", first)
    rl.on("close", lambda: got.append("close"))
    inp.emit("data", b"a\nb\nc\n")
    assert got == ["first:a", "first:b", "close", "added:b", "first:c", "added:c"]


def test_a_line_listener_that_raises_ends_the_chunk_and_the_next_one_reads_on(loop: Any) -> None:
    """Node 20, the same program on an EventEmitter input: events
    ['line:a', 'line:b', (throws b), 'line:rest', 'line:z'], the raising listener saw a, b."""
    rl, inp, events = _interface()
    seen: list[str] = []

    def boom(line: str) -> None:
        seen.append(line)
        if line == "b":
            raise ValueError(line)

    rl.on("line", boom)
    with pytest.raises(ValueError):
        inp.emit("data", b"a\nb\nc\nrest")
    assert events == ["line:a", "line:b"] and seen == ["a", "b"]
    rl.removeListener("line", boom)
    inp.emit("data", b"\nz\n")
    # The chunk's lines after the exception are lost, as in Node (kNormalWrite's loop
    # is left); its unterminated rest was already buffered.
    assert events == ["line:a", "line:b", "line:rest", "line:z"]


def test_the_single_listener_fast_path_passes_the_line_only_if_it_is_taken(loop: Any) -> None:
    inp = FakeInput()
    rl = readline.createInterface({"input": inp})
    got: list[Any] = []
    rl.on("line", lambda *args: got.append(args))
    inp.emit("data", b"a\nb\n")
    rl.removeAllListeners("line")
    rl.on("line", lambda: got.append("none"))
    inp.emit("data", b"c\nd\n")
    rl.removeAllListeners("line")
    rl.on("line", lambda line, extra: got.append((line, extra)))
    inp.emit("data", b"e\nf\n")
    assert got == [("a",), ("b",), "none", "none", ("e", None), ("f", None)]


def test_a_type_error_inside_the_single_line_listener_is_raised_not_retried(loop: Any) -> None:
    # The fast path calls listener(line) and retries with the arguments the
    # listener takes only when Python refused the count: never for an error
    # raised by the listener's own code.
    inp = FakeInput()
    rl = readline.createInterface({"input": inp})
    seen: list[str] = []

    def bad(line: str) -> None:
        seen.append(line)
        raise TypeError("from the listener")

    rl.on("line", bad)
    with pytest.raises(TypeError, match="from the listener"):
        inp.emit("data", b"a\nb\n")
    assert seen == ["a"]
