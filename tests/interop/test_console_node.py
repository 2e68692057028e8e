"""pynet.console against node: one table of values, printed by both, compared line for line.

Each row is the argument list of one ``console.log`` call.  The JavaScript
program is generated from the same table (:func:`to_js` writes each Python
value as the JavaScript literal of its twin: a ``dict`` as an object literal,
``bytes`` as ``Buffer.from([...])``, a ``set`` as ``new Set([...])``, an
instance as an object of a class of the same name…), node prints every row,
pynet prints every row, and the outputs must be the same text.  Rows whose
JavaScript twin cannot be written as a literal (a cycle) carry their source.
"""

from __future__ import annotations

import json
import math
import subprocess
from collections.abc import Callable
from typing import Any

import pytest

from pynet import Promise, console, util
from tests.helpers import run_node

pytestmark = pytest.mark.interop


class Point:
    def __init__(self, x: Any, y: Any) -> None:
        self.x = x
        self.y = y


class Empty:
    pass


def named_function() -> None:
    pass


async def fetch_data() -> None:
    pass


def generator_fn() -> Any:
    yield 1


class Base:
    pass


class Derived(Base):
    pass


class JS:
    """A row's value written in JavaScript by hand (no literal twin)."""

    def __init__(self, value: Any, source: str) -> None:
        self.value = value
        self.source = source


def to_js(value: Any) -> str:
    """The JavaScript literal of a Python value's twin."""
    if isinstance(value, JS):
        return value.source
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        if isinstance(value, float) and math.isnan(value):
            return "NaN"
        if isinstance(value, float) and math.isinf(value):
            return "Infinity" if value > 0 else "-Infinity"
        if isinstance(value, float) and value == 0 and math.copysign(1, value) < 0:
            return "-0"
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return f"Buffer.from({list(bytes(value))})"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(to_js(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(str(k))}: {to_js(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (set, frozenset)):
        return "new Set([" + ", ".join(to_js(v) for v in value) + "])"
    if isinstance(value, type):
        if value.__bases__ != (object,):
            return f"(() => {{ class {value.__bases__[0].__name__} {{}}; " \
                   f"return class {value.__name__} extends {value.__bases__[0].__name__} {{}}; }})()"
        return f"(class {value.__name__} {{}})"
    if callable(value):
        name = value.__name__
        if name == "<lambda>":
            return "(() => {})"
        if name == "fetch_data":
            return f"(async function {name}() {{}})"
        if name == "generator_fn":
            return f"(function* {name}() {{}})"
        return f"(function {name}() {{}})"
    attrs = ", ".join(f"{k}: {to_js(v)}" for k, v in vars(value).items())
    return f"Object.assign(new (class {type(value).__name__} {{}})(), {{{attrs}}})"


def _cycle() -> dict[str, Any]:
    a: dict[str, Any] = {"name": "a"}
    a["self"] = a
    a["list"] = [1, a]
    return a


def _shared_cycles() -> list[Any]:
    a: dict[str, Any] = {}
    a["a"] = a
    b: list[Any] = []
    b.append(b)
    return [a, b, {"inner": a}]


ROWS: list[list[Any]] = [
    # primitives and numbers
    [None], [True], [False], [0], [-0.0], [1.5], [2.0], [-7], [1e21], [1e-7], [123456789.123],
    [math.nan], [math.inf], [-math.inf], [2**53], [0.1 + 0.2],
    # strings, top-level and nested (quotes and escapes)
    ["plain"], [["plain"]], [["it's"]], [["it's \"x\""]], [["it's \"x\" `y`"]],
    [["a\nb\tc\\d"]], [["\x00\x1b\x7f\x85é\u2028"]], [{"k": "multi\nline" * 12}],
    [["x" * 100]], [{"key": "y" * 75}],
    # arrays: nested, long, grouped, mixed
    [[]], [[1, 2, 3]], [[[1, [2, [3, [4, [5]]]]]]], [list(range(26))], [list(range(101))],
    [list(range(1000, 1030))], [[f"item{i}" for i in range(30)]], [[1, "a", None, True, 2.5]],
    [[i * 1.5 for i in range(12)]], [[-1, 10, -100, 1000, -10000, 5, 6, 7]],
    [[[1, 2], [3, 4], [5, 6], [7, 8], [9, 10], [11, 12], [13, 14]]],
    [[{"a": 1}, {"b": 2}]], [(1, 2)], [[("nested", "tuple")]],
    # objects
    [{}], [{"a": 1, "b": "x"}], [{"a": {"b": {"c": {"d": 1}}}}], [{"a b": 1, "c-d": 2, "_e": 3, "$f": 4}],
    [{"2": "two", "b": 1, "1": "one", "a": 0}], [{"__proto__x": 1, "1a": 2}],
    [{"name": "a long name to push the line over", "value": 12345, "more": [1, 2, 3], "flag": True}],
    [{"level1": {"level2": {"level3": "deep", "other": [1, 2]}, "sibling": "s" * 40}}],
    [{"list": list(range(10)), "dict": {"x": 1, "y": 2}, "text": "hello", "n": None}],
    [{"a": [{"b": [{"c": 1}]}]}],
    # Buffers
    [b""], [b"abc"], [bytes(range(50))], [bytes(range(51))], [bytes(range(200))],
    [bytearray(b"hi")], [memoryview(b"view")], [{"data": b"\x00\xff"}], [[b"a", b"b"]],
    # sets, functions, classes, instances
    [{1, 2, 3}], [set()], [{"s": frozenset({"x"})}], [named_function], [lambda: 0], [fetch_data],
    [generator_fn], [Empty], [Derived], [[named_function, Empty]], [Point(1, 2)], [Empty()],
    [{"p": Point([1, 2], {"z": None})}], [Point(Point(Point(1, 2), 3), 4)],
    # depth
    [{"a": {"b": {"c": [1, 2]}}}], [[[[[1]]]]], [{"a": {"b": {"c": {1, 2}}}}],
    # cycles
    [JS(_cycle(), "(() => { const a = { name: 'a' }; a.self = a; a.list = [1, a]; return a; })()")],
    [JS(_shared_cycles(), "(() => { const a = {}; a.a = a; const b = []; b.push(b); "
                          "return [a, b, { inner: a }]; })()")],
    # Promises (pynet.Promise), wide characters
    [JS(Promise.resolve(1), "Promise.resolve(1)"), JS(Promise(lambda resolve: None),
                                                       "new Promise(() => {})")],
    [{"p": JS(Promise.resolve({"b": {"c": {"d": 1}}}), "Promise.resolve({ b: { c: { d: 1 } } })")}],
    [["日本語", "中文字符", "한국어", "ascii", "ümlaut", "e\u0301", "x", "yy", "zzz"]],
    # several arguments and format specifiers
    ["a", 1, "b", None, {"c": 2}], [1, "x"], ["%s and %s", "this", "that"], ["%s", {"a": [1, [2]]}],
    ["%d %i %f", "42.5", 42.9, "3.25abc"], ["%d", -0.0], ["%i", 1e21], ["%j", {"a": [1, "x", None]}],
    ["%j", 1.0], ["%o", [1, 2]], ["%O", {"a": {"b": {"c": {"d": 1}}}}], ["%c styled", "color: red"],
    ["100%% sure %s", "yes"], ["%s %s", "only one"], ["%x %s", "unknown"], ["trailing %"],
    ["%s", None], ["%s", True], ["%s", -0.0], ["%s", b"buf"], ["%s", [1, 2, 3]], ["%s", Point(1, 2)],
    ["%d", "abc"], ["%f", None], ["a%", 1], ["%s:%s", "x"], ["%%", 1],
]


def _js_program() -> str:
    lines = ["'use strict';"]
    for i, row in enumerate(ROWS):
        lines.append(f"console.log('--- {i}');")
        lines.append(f"console.log({', '.join(to_js(v) for v in row)});")
    return "\n".join(lines)


def _py_value(value: Any) -> Any:
    if isinstance(value, JS):
        return value.value
    if type(value) is dict:
        return {k: _py_value(v) for k, v in value.items()}
    if type(value) is list:
        return [_py_value(v) for v in value]
    return value


@pytest.fixture(scope="module")
def node_output() -> list[str]:
    return run_node(_js_program()).splitlines()


def _pynet_output(capsys: pytest.CaptureFixture[str], log: Callable[..., None]) -> list[str]:
    capsys.readouterr()
    for i, row in enumerate(ROWS):
        log(f"--- {i}")
        log(*[_py_value(v) for v in row])
    return capsys.readouterr().out.splitlines()


def _by_row(lines: list[str]) -> dict[str, list[str]]:
    rows: dict[str, list[str]] = {}
    current = ""
    for line in lines:
        if line.startswith("--- "):
            current = line[4:]
            rows[current] = []
        else:
            rows[current].append(line)
    return rows


def test_console_log_prints_what_node_prints(node: str, node_output: list[str],
                                             capsys: pytest.CaptureFixture[str]) -> None:
    ours = _pynet_output(capsys, console.log)
    expected = _by_row(node_output)
    got = _by_row(ours)
    wrong = {i: (expected[i], got.get(i)) for i in expected if expected[i] != got.get(i)}
    assert not wrong, "\n".join(
        f"row {i} {ROWS[int(i)]!r}:\n  node:  {e}\n  pynet: {g}" for i, (e, g) in wrong.items())
    assert ours == node_output


#: (value, options) pairs for ``util.inspect(value, options)`` in both.
INSPECT_ROWS: list[tuple[Any, dict[str, Any]]] = [
    ({"a": {"b": {"c": {"d": {"e": 1}}}}}, {"depth": 0}),
    ({"a": {"b": {"c": {"d": {"e": 1}}}}}, {"depth": None}),
    ({"a": {"b": {"c": {"d": {"e": 1}}}}}, {"depth": 4}),
    ({"a": 1, "b": [1, 2, 3], "c": "text"}, {"breakLength": 20}),
    ({"a": 1, "b": [1, 2, 3], "c": "text"}, {"compact": False}),
    ({"a": 1, "b": {"c": {"d": 2}}}, {"compact": 1}),
    ({"a": {"b": 1}, "c": [1, 2]}, {"compact": True}),
    ({"a": "x" * 90, "b": [1] * 30}, {"compact": True}),
    (list(range(200)), {"maxArrayLength": 5}),
    (list(range(10)), {"maxArrayLength": 0}),
    (list(range(200)), {"maxArrayLength": None}),
    ("y" * 30, {"maxStringLength": 10}),
    ({"s": "z" * 30}, {"maxStringLength": 1}),
    ({"c": 1, "a": 2, "b": {"z": 1, "y": 2}}, {"sorted": True}),
    ([3, 1, 2, {"b": 1, "a": 2}], {"sorted": True}),
    ([1, 2, 3], {"showHidden": True}),
    ({1, 2}, {"maxArrayLength": 1}),
    ([list(range(8)) for _ in range(4)], {"breakLength": math.inf}),
    ({"key": "value " * 20}, {"breakLength": math.inf}),
]


def test_util_inspect_options_against_node(node: str) -> None:
    def options_js(options: dict[str, Any]) -> str:
        return "{" + ", ".join(f"{k}: {to_js(v)}" for k, v in options.items()) + "}"

    js = "const util = require('util');\n" + "\n".join(
        f"console.log(JSON.stringify(util.inspect({to_js(v)}, {options_js(o)})));"
        for v, o in INSPECT_ROWS)
    expected = [json.loads(line) for line in run_node(js).splitlines()]
    got = [util.inspect(v, o) for v, o in INSPECT_ROWS]
    wrong = [(INSPECT_ROWS[i][1], e, g) for i, (e, g) in enumerate(zip(expected, got, strict=True))
             if e != g]
    assert not wrong, "\n".join(f"{o}:\n  node:  {e!r}\n  pynet: {g!r}" for o, e, g in wrong)


def test_util_format_is_console_log_without_the_newline(capsys: pytest.CaptureFixture[str],
                                                        node_output: list[str]) -> None:
    formatted = "\n".join(f"--- {i}\n" + util.format(*[_py_value(v) for v in row])
                          for i, row in enumerate(ROWS)).splitlines()
    assert formatted == node_output


_METHODS_JS = r"""
console.group('Group A');
console.log({ a: 1, b: 'x'.repeat(80) });
console.group();
console.info('nested', [1, 2]);
console.groupEnd();
console.warn('warned %d', 5);
console.groupEnd();
console.count(); console.count(); console.count('x'); console.countReset(); console.count();
console.assert(true, 'never');
console.assert(false, 'failed %s', 'here');
console.assert(false);
console.assert(0, { a: 1 });
console.dir({ a: { b: { c: { d: 1 } } } }, { depth: 0 });
console.dir({ a: { b: { c: { d: 1 } } } }, { depth: null });
console.error(new Set(['a']));
console.debug('debug', null);
console.table([{ a: 1, b: 'y' }, { a: 2, c: true }]);
console.table({ r1: { c1: 1 }, r2: { c2: [1, 2, 3, 4] } });
console.table([1, 'two', { three: 3 }]);
console.table([[1, 2], [3, 4, 5]]);
console.table([{ a: 1, b: 2 }], ['a']);
console.table(new Set(['x']));
console.table('not tabular');
"""


def _methods_py() -> None:
    console.group("Group A")
    console.log({"a": 1, "b": "x" * 80})
    console.group()
    console.info("nested", [1, 2])
    console.groupEnd()
    console.warn("warned %d", 5)
    console.groupEnd()
    console.count()
    console.count()
    console.count("x")
    console.countReset()
    console.count()
    console.assert_(True, "never")
    console.assert_(False, "failed %s", "here")
    console.assert_(False)
    console.assert_(0, {"a": 1})
    console.dir({"a": {"b": {"c": {"d": 1}}}}, {"depth": 0})
    console.dir({"a": {"b": {"c": {"d": 1}}}}, depth=None)
    console.error({"a"})
    console.debug("debug", None)
    console.table([{"a": 1, "b": "y"}, {"a": 2, "c": True}])
    console.table({"r1": {"c1": 1}, "r2": {"c2": [1, 2, 3, 4]}})
    console.table([1, "two", {"three": 3}])
    console.table([[1, 2], [3, 4, 5]])
    console.table([{"a": 1, "b": 2}], ["a"])
    console.table({"x"})
    console.table("not tabular")


def test_console_methods_against_node(node: str, capsys: pytest.CaptureFixture[str]) -> None:
    proc = subprocess.run([node, "-e", _METHODS_JS], capture_output=True, text=True, check=True)
    capsys.readouterr()
    _methods_py()
    captured = capsys.readouterr()
    assert captured.out.splitlines() == proc.stdout.splitlines()
    assert captured.err.splitlines() == proc.stderr.splitlines()
