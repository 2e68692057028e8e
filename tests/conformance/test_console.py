"""Port of test/parallel/test-console.js (Node v20).

The global console: log, debug and info write to stdout, error and warn to
stderr, one write per call, formatted as util.format does (a custom inspector
is used); dir inspects with custom inspectors off and takes options; dirxml
is log; trace prints ``Trace: message`` to stderr; time/timeLog/timeEnd print
``label: 1.234ms`` with labels coerced to strings (``[]`` is ``''``, ``{}`` is
``[object Object]``, ``None`` is ``null``), a second time() does not restart a
timer, and timeEnd leaves no entry behind; countReset/timeLog/timeEnd of an
unknown label and time() of a running one emit Node's warnings, in order, and
the default warning listener prints them to stderr; console.assert prints
``Assertion failed[: message]`` and never raises.

Not portable: the Symbol labels (a TypeError in Node), the
``[Symbol(nodejs.util.inspect.custom)]`` key that console.dir lists (the
Python hook is the ``__node_inspect__`` method, not a property),
``process.stdout.fd``/``writable`` (the hijacked streams are Python text
streams), and ``time(undefined)`` apart from ``time(null)`` (``time()`` is the
default label; ``time(None)`` is ``null``, as Node's ``time(null)``).
"""

from __future__ import annotations

import re
from typing import Any

import pytest

import pynet
from pynet import console, process
from tests.conformance._hijackstdio import hijack
from tests.helpers import CallChecker

TIME = r"\d+(\.\d{1,3})?(ms|s)"


class CustomInspect:
    """``{ foo: 'bar', [util.inspect.custom]: () => 'inspect' }``."""

    def __init__(self) -> None:
        self.foo = "bar"

    def __node_inspect__(self) -> str:
        return "inspect"


def test_console(monkeypatch: pytest.MonkeyPatch, checker: CallChecker) -> None:
    warnings: list[Any] = []
    process.on("warning", warnings.append)
    try:
        run_console(monkeypatch, checker)
    finally:
        process.removeListener("warning", warnings.append)
    assert [(w.name, str(w)) for w in warnings] == [("Warning", text) for text in [
        "Count for 'noLabel' does not exist",
        "No such label 'noLabel' for console.timeLog()",
        "No such label 'noLabel' for console.timeEnd()",
        "Count for 'default' does not exist",
        "No such label 'default' for console.timeLog()",
        "No such label 'default' for console.timeEnd()",
        "Label 'default' already exists for console.time()",
        "Label 'test' already exists for console.time()",
    ]]


def run_console(monkeypatch: pytest.MonkeyPatch, checker: CallChecker) -> None:
    times = console.globalConsole._times
    console.countReset("noLabel")
    console.timeLog("noLabel")
    console.timeEnd("noLabel")
    console.time("label")
    console.timeEnd("label")
    # The default label, for countReset, timeLog, timeEnd and time.
    console.countReset()
    console.timeLog()
    console.timeEnd()
    console.time()
    console.time()
    console.timeLog()
    console.timeEnd()

    custom_inspect = CustomInspect()
    strings: list[str] = []
    err_strings: list[str] = []
    stdout = hijack(monkeypatch, "stdout", strings.append)
    stderr = hijack(monkeypatch, "stderr", err_strings.append)

    for method in (console.log, console.debug, console.info, console.error, console.warn):
        method("foo")
        method("foo", "bar")
        method("%s %s", "foo", "bar", "hop")
        method({"slashes": "\\\\"})
        method(custom_inspect)

    console.dir(custom_inspect)
    console.dir(custom_inspect, {"showHidden": False})
    console.dir({"foo": {"bar": {"baz": True}}}, {"depth": 0})
    console.dir({"foo": {"bar": {"baz": True}}}, {"depth": 1})

    console.dirxml(custom_inspect, custom_inspect)
    console.dirxml({"foo": {"bar": {"baz": True}}}, {"foo": {"bar": {"quux": False}}},
                   {"foo": {"bar": {"quux": True}}})

    console.trace("This is a %j %d", {"formatted": "trace"}, 10, "foo")

    console.time("label")
    console.timeEnd("label")
    # Labels that are names of Object.prototype's properties.
    for name in ("__proto__", "constructor", "hasOwnProperty"):
        console.time(name)
        console.timeEnd(name)
    # Labels are coerced to strings.
    console.time([])
    console.timeEnd([])
    console.time({})
    console.timeEnd({})
    console.time({})  # again: the first timer really ended
    console.timeEnd({})
    console.time(None)
    console.timeEnd(None)
    console.time()
    console.timeEnd("default")
    console.time("default")
    console.timeEnd()
    console.time(float("nan"))
    console.timeEnd(float("nan"))

    # time() twice does not restart the timer.
    console.time("test")
    started = times["test"]

    def again() -> None:
        console.time("test")
        assert times["test"] == started
        console.timeEnd("test")

    pynet.setTimeout(checker.must_call(again), 1)

    console.time("log1")
    console.timeLog("log1")
    console.timeLog("log1", "test")
    console.timeLog("log1", {}, [1, 2, 3])
    console.timeEnd("log1")

    console.assert_(False, "%s should", "console.assert", "not throw")
    assert err_strings[-1] == "Assertion failed: console.assert should not throw\n"
    console.assert_(False)
    assert err_strings[-1] == "Assertion failed\n"
    console.assert_(True, "this should not throw")
    console.assert_(True)

    assert len(strings) == stdout.writeTimes
    assert len(err_strings) == stderr.writeTimes
    monkeypatch.undo()

    # timeEnd leaves no entry behind.
    size = len(times)
    for label in ("label1", "label2", "label3"):
        console.time(label)
    for label in ("label1", "label2", "label3"):
        console.timeEnd(label)
    assert len(times) == size

    expected_strings = ["foo", "foo bar", "foo bar hop", "{ slashes: '\\\\\\\\' }", "inspect"]
    for _ in range(2):  # log and debug; error and warn
        for expected in expected_strings:
            assert strings.pop(0) == f"{expected}\n"
            assert err_strings.pop(0) == f"{expected}\n"
    for expected in expected_strings:  # info
        assert strings.pop(0) == f"{expected}\n"

    # dir ignores the custom inspector: the object's own property shows.
    for _ in range(2):
        line = strings.pop(0)
        assert "foo: 'bar'" in line and "inspect" not in line
    assert "foo: [Object]" in strings.pop(0)
    assert "baz" not in strings.pop(0)
    assert strings.pop(0) == "inspect inspect\n"
    assert "foo: { bar: { baz:" in strings[0]
    assert "quux" in strings[0]
    assert "quux: true" in strings.pop(0)

    for label in ("label", "__proto__", "constructor", "hasOwnProperty", "", "[object Object]",
                  "[object Object]", "null", "default", "default", "NaN", "log1"):
        assert re.match(rf"^{re.escape(label)}: {TIME}$", strings.pop(0).strip())
    assert re.match(rf"^log1: {TIME} test$", strings.pop(0).strip())
    assert re.match(rf"^log1: {TIME} {{}} \[ 1, 2, 3 ]$", strings.pop(0).strip())
    assert re.match(rf"^log1: {TIME}$", strings.pop(0).strip())
    assert strings == []  # every line checked

    assert err_strings.pop(0).split("\n")[0] == 'Trace: This is a {"formatted":"trace"} 10 foo'

    # The default 'warning' listener prints the warnings (on a later tick) to stderr.
    printed: list[str] = []
    hijack(monkeypatch, "stderr", printed.append)
    pynet.run()
    monkeypatch.undo()
    assert any("noLabel" in line for line in printed)
