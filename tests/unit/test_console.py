"""pynet.console: the Console class over any writer, the global console's streams,
groups, counters, timers, assert, trace, dir, table (node's own output is compared in
tests/interop/test_console_node.py)."""

from __future__ import annotations

import io
import sys
import warnings
from typing import Any

import pytest

from pynet import console, errors, process
from pynet.console import Console, format_time


class Writer:
    """An object with ``write(str)``: all a Console needs."""

    def __init__(self) -> None:
        self.chunks: list[str] = []

    def write(self, chunk: str) -> None:
        self.chunks.append(chunk)

    @property
    def text(self) -> str:
        return "".join(self.chunks)


def test_positional_and_options_forms() -> None:
    out, err = Writer(), Writer()
    c = Console(out, err)
    c.log("a %d", 1)
    c.error("b", {"x": [1]})
    assert out.chunks == ["a 1\n"] and err.chunks == ["b { x: [ 1 ] }\n"]
    out2 = Writer()
    Console({"stdout": out2}).warn("to stdout: stderr defaults to stdout")
    assert out2.text == "to stdout: stderr defaults to stdout\n"
    out3 = io.StringIO()
    Console(stdout=out3, groupIndentation=4).group("g")
    assert out3.getvalue() == "g\n"


def test_one_write_per_call_ending_in_a_newline() -> None:
    out = Writer()
    Console(out).log({"a": "x" * 80, "b": 1})
    assert len(out.chunks) == 1 and out.chunks[0].endswith("}\n")


@pytest.mark.parametrize("bad", [None, 42, object(), {"stdout": None}])
def test_streams_must_be_writable(bad: Any) -> None:
    with pytest.raises(errors.ERR_CONSOLE_WRITABLE_STREAM) as info:
        Console(bad)
    assert str(info.value) == "Console expects a writable stream instance for stdout"
    assert isinstance(info.value, TypeError)


def test_stderr_must_be_writable() -> None:
    with pytest.raises(errors.ERR_CONSOLE_WRITABLE_STREAM, match="for stderr"):
        Console(Writer(), 5)


def test_bad_options() -> None:
    with pytest.raises(errors.ERR_INVALID_ARG_VALUE):
        Console({"stdout": Writer(), "colorMode": "sometimes"})
    with pytest.raises(errors.ERR_OUT_OF_RANGE):
        Console({"stdout": Writer(), "groupIndentation": 1001})


def test_write_errors_are_ignored_unless_asked() -> None:
    class Broken:
        def write(self, chunk: str) -> None:
            raise OSError("EPIPE")

    Console(Broken()).log("lost")  # ignored, as Node ignores errors on console streams
    with pytest.raises(OSError, match="EPIPE"):
        Console(Broken(), Broken(), False).log("raised")


def test_groups_indent_every_line() -> None:
    out = Writer()
    c = Console(out)
    c.group("outer")
    c.log("a\nb")
    c.group()
    c.log({"k": "v" * 80})
    c.groupEnd()
    c.groupEnd()
    c.groupEnd()  # one too many: no error
    c.log("end")
    assert out.text == ("outer\n  a\n  b\n    {\n      k: '" + "v" * 80 + "'\n    }\nend\n")


def _emitted_warnings(action: Any) -> list[str]:
    """The messages of the ``'warning'`` events ``action()`` makes (Node's
    ``process.emitWarning``, emitted on the next tick)."""
    import pynet

    seen: list[str] = []

    def on_warning(warning: BaseException) -> None:
        seen.append(f"{getattr(warning, 'name', '')}: {warning}")

    process.on("warning", on_warning)
    try:
        action()
        pynet.run()
    finally:
        process.off("warning", on_warning)
    return seen


def test_counters(loop: object) -> None:
    out = Writer()
    c = Console(out)
    c.count()
    c.count("x")
    c.count()
    c.count(None)
    c.countReset()
    c.count()
    assert out.text == "default: 1\nx: 1\ndefault: 2\nnull: 1\ndefault: 1\n"
    assert _emitted_warnings(lambda: c.countReset("nope")) == [
        "Warning: Count for 'nope' does not exist"]


def test_timers(monkeypatch: pytest.MonkeyPatch, loop: object) -> None:
    now = [100.0]
    monkeypatch.setattr("pynet.console._time.perf_counter", lambda: now[0])
    out = Writer()
    c = Console(out)
    c.time("t")
    now[0] += 0.0012345
    c.timeLog("t", "extra", {"a": 1})
    now[0] += 2
    c.timeEnd("t")
    assert out.text == "t: 1.234ms extra { a: 1 }\nt: 2.001s\n"
    assert _emitted_warnings(lambda: c.timeEnd("t")) == [
        "Warning: No such label 't' for console.timeEnd()"]
    c.time()
    assert _emitted_warnings(c.time) == [
        "Warning: Label 'default' already exists for console.time()"]


@pytest.mark.parametrize(("ms", "text"), [
    (0.5, "0.5ms"), (1.23456, "1.235ms"), (999.9994, "999.999ms"), (1000, "1.000s"),
    (61_500, "1:01.500 (m:ss.mmm)"), (3_723_004, "1:02:03.004 (h:mm:ss.mmm)"),
])
def test_format_time(ms: float, text: str) -> None:
    assert format_time(ms) == text


def test_assert() -> None:
    out, err = Writer(), Writer()
    c = Console(out, err)
    c.assert_(1, "never")
    c.assert_("x")
    c.assert_(0.0, "zero %s", "float")
    c.assert_("")
    c.assert_(None, {"a": 1})
    assert out.text == ""
    assert err.text == "Assertion failed: zero float\nAssertion failed\nAssertion failed: [object Object]\n"


def test_trace_prints_the_callers_frames() -> None:
    err = Writer()

    def inner() -> None:
        Console(Writer(), err).trace("here %d", 1)

    inner()
    lines = err.text.splitlines()
    assert lines[0] == "Trace: here 1"
    assert lines[1].startswith("    at inner (") and __file__ in lines[1]
    assert lines[2].startswith("    at test_trace_prints_the_callers_frames (")


def test_dir_ignores_custom_inspectors() -> None:
    class Custom:
        def __init__(self) -> None:
            self.a = 1

        def __node_inspect__(self) -> str:
            return "custom"

    out = Writer()
    c = Console(out)
    c.log(Custom())
    c.dir(Custom())
    c.dir({"a": {"b": {"c": {"d": 1}}}}, {"depth": 0})
    c.dir({"a": {"b": {"c": {"d": 1}}}}, depth=None)
    assert out.text == ("custom\nCustom { a: 1 }\n{ a: [Object] }\n"
                        "{\n  a: { b: { c: { d: 1 } } }\n}\n")


def test_inspect_options_apply_to_every_value() -> None:
    out = Writer()
    Console({"stdout": out, "inspectOptions": {"depth": 0, "breakLength": 10}}).log(
        {"a": {"b": 1}}, [1, 2, 3])
    # node: new Console({stdout, inspectOptions: {depth: 0, breakLength: 10}}).log(...)
    assert out.text == "{\n  a: [Object]\n} [\n  1,\n  2,\n  3\n]\n"


def test_table() -> None:
    out = Writer()
    c = Console(out)
    c.table([{"a": 1, "b": "y"}, {"a": 2, "c": True}])
    c.table(5)
    c.table({"x": 1, "y": "two"})
    assert out.text == (
        "┌─────────┬───┬─────┬──────┐\n"
        "│ (index) │ a │ b   │ c    │\n"
        "├─────────┼───┼─────┼──────┤\n"
        "│ 0       │ 1 │ 'y' │      │\n"
        "│ 1       │ 2 │     │ true │\n"
        "└─────────┴───┴─────┴──────┘\n"
        "5\n"
        "┌─────────┬────────┐\n"
        "│ (index) │ Values │\n"
        "├─────────┼────────┤\n"
        "│ x       │ 1      │\n"
        "│ y       │ 'two'  │\n"
        "└─────────┴────────┘\n")
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
        c.table([], "a")


def test_global_console_writes_sys_stdout_and_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    console.log("out", 1, None)
    console.info("info")
    console.debug("debug")
    console.warn("warn")
    console.error("error", b"\x01")
    captured = capsys.readouterr()
    assert captured.out == "out 1 null\ninfo\ndebug\n"
    assert captured.err == "warn\nerror <Buffer 01>\n"


def test_global_console_follows_a_replaced_sys_stdout(monkeypatch: pytest.MonkeyPatch) -> None:
    replaced = io.StringIO()
    monkeypatch.setattr(sys, "stdout", replaced)
    console.log("late")
    assert replaced.getvalue() == "late\n"


def test_no_warning_when_labels_are_used_properly() -> None:
    c = Console(Writer())
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        c.time("ok")
        c.timeEnd("ok")
        c.count("ok")
        c.countReset("ok")


def test_console_print_and_process_stdout_keep_their_order_on_a_pipe() -> None:
    """The global console writes through ``process.stdout`` (a pipe here), and
    ``print()`` before it comes out first, as Node's single stream orders them."""
    import subprocess

    script = (
        "from pynet import console, process\n"
        "print('1 print')\n"
        "console.log('2 console %d', 2)\n"
        "process.stdout.write('3 process\\n')\n"
        "print('4 print')\n"
        "console.log({'five': 5})\n"
        "console.error('to stderr')\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=60, check=True)
    assert proc.stdout == "1 print\n2 console 2\n3 process\n4 print\n{ five: 5 }\n"
    assert proc.stderr == "to stderr\n"
