"""Port of test/parallel/test-console-instance.js (Node v20).

A Console over streams of the user's: it never writes to the process's
stdout/stderr; both streams need a ``write`` method (ERR_CONSOLE_WRITABLE_STREAM
naming the missing one); log/error write ``'test\\n'`` in one call, dir
inspects; the methods are bound (usable as free functions); a subclass can
add and override methods; with ``ignoreErrors=False`` a throwing ``write``
propagates; ``inspectOptions`` must be an object.  Not portable: calling
``Console`` without ``new`` and ``global.console instanceof Console`` (the
global console is ``pynet.console.globalConsole``, checked below), and the
Symbol and null ``inspectOptions`` (Python's ``None`` means "not given").
"""

from __future__ import annotations

from typing import Any

import pytest

from pynet import console, stream
from pynet.console import Console
from tests.conformance._hijackstdio import hijack
from tests.conformance.common import assert_node_error
from tests.helpers import CallChecker


@pytest.fixture(autouse=True)
def _no_process_output(monkeypatch: pytest.MonkeyPatch, checker: CallChecker) -> None:
    # The Console instances must not write to the process's stdout or stderr.
    hijack(monkeypatch, "stdout", checker.must_not_call("stdout"))
    hijack(monkeypatch, "stderr", checker.must_not_call("stderr"))


def test_the_global_console_is_a_console() -> None:
    assert isinstance(console.globalConsole, Console)
    assert not isinstance({}, Console)


def test_streams_must_be_writable() -> None:
    with pytest.raises(TypeError) as info:
        Console()
    assert_node_error(info.value, "ERR_CONSOLE_WRITABLE_STREAM", "TypeError")
    assert "stdout" in str(info.value)

    out, err = stream.Stream(), stream.Stream()
    out.write = lambda *args: None  # type: ignore[attr-defined]
    err.write = None  # type: ignore[attr-defined]
    with pytest.raises(TypeError) as info:
        Console(out, err)
    assert_node_error(info.value, "ERR_CONSOLE_WRITABLE_STREAM", "TypeError")
    assert "stderr" in str(info.value)


def test_writes_and_bound_methods(checker: CallChecker) -> None:
    out, err = stream.Stream(), stream.Stream()
    out.write = err.write = lambda d: None  # type: ignore[attr-defined]
    c = Console(out, err)
    assert isinstance(c, Console)

    def test_line(d: str) -> None:
        assert d == "test\n"

    out.write = err.write = checker.must_call(test_line, 2)  # type: ignore[attr-defined]
    c.log("test")
    c.error("test")

    def foo_line(d: str) -> None:
        assert d == "{ foo: 1 }\n"

    out.write = checker.must_call(foo_line)  # type: ignore[attr-defined]
    c.dir({"foo": 1})

    # The methods are bound to the instance: [1, 2, 3].forEach(c.log).
    called = 0

    def each(d: str) -> None:
        nonlocal called
        called += 1
        assert d == f"{called} {called - 1} [ 1, 2, 3 ]\n"

    out.write = checker.must_call(each, 3)  # type: ignore[attr-defined]
    array = [1, 2, 3]
    log = c.log
    for index, value in enumerate(array):
        log(value, index, array)


def test_subclass() -> None:
    class MyConsole(Console):
        def hello(self) -> None:
            pass

        def log(self, *data: Any) -> Any:  # the methods can be overridden
            return "overridden"

    out = stream.Stream()
    out.write = lambda d: None  # type: ignore[attr-defined]
    my_console = MyConsole(out)
    assert callable(my_console.hello)
    assert isinstance(my_console, Console)
    assert my_console.log() == "overridden"
    log = my_console.log
    assert log() == "overridden"


def test_errors_not_ignored() -> None:
    out, err = stream.Stream(), stream.Stream()
    out.write = err.write = lambda d: None  # type: ignore[attr-defined]
    c2 = Console(out, err, False)

    def fail(message: str) -> Any:
        def write(d: str) -> None:
            raise Exception(message)
        return write

    out.write = fail("out")  # type: ignore[attr-defined]
    err.write = fail("err")  # type: ignore[attr-defined]
    with pytest.raises(Exception, match=r"^out$"):
        c2.log("foo")
    with pytest.raises(Exception, match=r"^err$"):
        c2.warn("foo")
    with pytest.raises(Exception, match=r"^out$"):
        c2.dir("foo")


@pytest.mark.parametrize(("options", "received"), [
    (True, "Received type boolean (true)"), (False, "Received type boolean (false)"),
    ("foo", "Received type string ('foo')"), (5, "Received type number (5)"),
])
def test_inspect_options_must_be_an_object(options: Any, received: str) -> None:
    out = stream.Stream()
    out.write = lambda d: None  # type: ignore[attr-defined]
    with pytest.raises(TypeError) as info:
        Console({"stdout": out, "stderr": out, "inspectOptions": options})
    assert_node_error(info.value, "ERR_INVALID_ARG_TYPE", "TypeError")
    assert str(info.value) == ('The "options.inspectOptions" property must be of type object. '
                               + received)
