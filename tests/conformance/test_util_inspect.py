"""Port of test/parallel/test-util-inspect.js (Node v20): the parts about values Python has.

util.inspect of primitives, strings (quotes, escapes, long lines), functions,
arrays, objects, depth, showHidden's ``[length]``, circular references, errors
(with and without a stack, with own properties, compact modes), Sets, Promises,
class instances, keys that need quotes, custom inspection (``inspect.custom``:
the ``__node_inspect__`` method), maxArrayLength, breakLength,
``inspect.defaultOptions``, the legacy ``(value, showHidden, depth, colors)``
arguments, and colours (``inspect.styles``, ``inspect.colors``).

Not portable (no Python twin): RegExp, Date, Map and its iterators, typed
arrays other than Buffers, ArrayBuffer/DataView, boxed primitives, Symbols,
BigInt, getters/setters of object literals and non-enumerable properties, null prototypes,
``Symbol.toStringTag``, sparse arrays (``<n empty items>``), Proxies, vm
contexts, the Date and RegExp colour styles, the function internals
``showHidden`` lists.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

import pytest

import pynet
from pynet import Promise, errors, util
from pynet.util import inspect


def abc() -> None:
    pass


async def async_fn() -> None:
    pass


async def async_gen() -> Any:
    yield 1


def gen() -> Any:
    yield 1


CASES: list[tuple[Any, str]] = [
    (1, "1"), (False, "false"), ("", "''"), ("hello", "'hello'"), (abc, "[Function: abc]"),
    (lambda: None, "[Function (anonymous)]"), (async_fn, "[AsyncFunction: async_fn]"),
    (async_gen, "[AsyncGeneratorFunction: async_gen]"), (gen, "[GeneratorFunction: gen]"),
    (None, "null"), ("\n\x01", "'\\n\\x01'"),
    ([], "[]"), ([1, 2], "[ 1, 2 ]"), ([1, [2, 3]], "[ 1, [ 2, 3 ] ]"), ({}, "{}"),
    ({"a": 1}, "{ a: 1 }"), ({"a": abc}, "{ a: [Function: abc] }"), ({"a": 1, "b": 2}, "{ a: 1, b: 2 }"),
    ({"a": {}}, "{ a: {} }"), ({"a": {"b": 2}}, "{ a: { b: 2 } }"),
    ({"a": {"b": {"c": {"d": 2}}}}, "{ a: { b: { c: [Object] } } }"),
    (0, "0"), (-0.0, "-0"), (-5e-324, "-5e-324"),
    (["foo", "bar", "baz"], "[ 'foo', 'bar', 'baz' ]"),
    (set(), "Set(0) {}"), ({1, 2, 3}, "Set(3) { 1, 2, 3 }"),
    ({"\\": 1, "\\\\": 2, "\\\\\\": 3, "\\\\\\\\": 4, "\n": 5, "\r": 6},
     "{ '\\\\': 1, '\\\\\\\\': 2, '\\\\\\\\\\\\': 3, '\\\\\\\\\\\\\\\\': 4, '\\n': 5, '\\r': 6 }"),
    ({"constructor": 42}, "{ constructor: 42 }"),
    ([[[[]]]], "[ [ [ [] ] ] ]"), ([[[[[]]]]], "[ [ [ [Array] ] ] ]"), ([[[{}]]], "[ [ [ {} ] ] ]"),
    ([[[{"a": 2}]]], "[ [ [ [Object] ] ] ]"),
    ({"foo": "abc", "bar": "xyz"}, "{ foo: 'abc', bar: 'xyz' }"),
    ("a" * 75 + "'\n\x1d\n\x03\x85\x7f\x7e\x9f\xa0",
     '"' + "a" * 75 + "'\\n\" +\n  '\\x1D\\n' +\n  '\\x03\\x85\\x7F~\\x9F\xa0'"),
]


@pytest.mark.parametrize(("value", "expected"), CASES)
def test_inspect(value: Any, expected: str) -> None:
    assert inspect(value) == expected


def test_legacy_arguments_and_depth() -> None:
    deep = {"a": {"b": {"c": {"d": 2}}}}
    assert inspect(deep, depth=None) == "{\n  a: { b: { c: { d: 2 } } }\n}"
    assert inspect([1, 2, 3], True) == "[ 1, 2, 3, [length]: 3 ]"
    assert inspect({"a": {"b": {"c": 2}}}, depth=0) == "{ a: [Object] }"
    assert inspect({"a": {"b": {"c": 2}}}, depth=1) == "{ a: { b: [Object] } }"
    assert inspect({"a": {"b": ["c"]}}, depth=1) == "{ a: { b: [Array] } }"
    assert "Object" in inspect({"a": {"a": {"a": {"a": {}}}}})
    assert "Object" not in inspect({"a": {"a": {"a": {"a": {}}}}}, depth=None)


def test_function_with_properties() -> None:
    def value() -> None:
        pass

    value.aprop = 42  # type: ignore[attr-defined]
    assert inspect(value) == "[Function: value] { aprop: 42 }"
    anonymous = lambda: None  # noqa: E731
    anonymous.aprop = 42  # type: ignore[attr-defined]
    assert inspect(anonymous) == "[Function (anonymous)] { aprop: 42 }"


def test_showhidden_empty_array() -> None:
    assert inspect([], {"showHidden": True}) == "[ [length]: 0 ]"


def test_circular() -> None:
    value: dict[str, Any] = {}
    value["a"] = value
    assert inspect(value) == "<ref *1> { a: [Circular *1] }"
    obj: dict[str, Any] = {}
    obj["a"] = [obj]
    obj["b"] = {}
    obj["b"]["inner"] = obj["b"]
    obj["b"]["obj"] = obj
    assert inspect(obj) == ("<ref *1> {\n"
                            "  a: [ [Circular *1] ],\n"
                            "  b: <ref *2> { inner: [Circular *2], obj: [Circular *1] }\n"
                            "}")
    arr: list[Any] = [[[[]]]]
    arr[0][0][0] = arr
    assert inspect(arr) == "<ref *1> [ [ [ [Circular *1] ] ] ]"
    arr[0][0][0] = arr[0][0]
    assert inspect(arr) == "[ [ <ref *1> [ [Circular *1] ] ] ]"


def _raised(exc: BaseException) -> BaseException:
    try:
        raise exc
    except BaseException as caught:
        return caught


def test_errors_print_their_stack() -> None:
    for err in [Exception(), Exception("FAIL"), TypeError("FAIL"), SyntaxError("FAIL")]:
        raised = _raised(err)
        shown = inspect(raised)
        header = type(err).__name__ + (": FAIL" if err.args else "")
        assert shown.splitlines()[0] == header
        assert shown.splitlines()[1].startswith("    at _raised (")
    try:
        undef()  # type: ignore[name-defined]
    except NameError as e:
        assert inspect(e).startswith("NameError: name 'undef' is not defined\n    at ")


def test_errors_without_a_stack() -> None:
    err = Exception("foo")
    err2 = Exception("foo\nbar")
    assert inspect(err, {"compact": True}) == "[Exception: foo]"
    assert inspect(err2, {"compact": True}) == "[Exception: foo\nbar]"
    err.bar = True  # type: ignore[attr-defined]
    err2.bar = True  # type: ignore[attr-defined]
    assert inspect(err, {"compact": True}) == "{ [Exception: foo] bar: true }"
    assert inspect(err2, {"compact": True}) == "{ [Exception: foo\nbar]\n  bar: true }"
    assert inspect(err, {"compact": True, "breakLength": 5}) == "{ [Exception: foo]\n  bar: true }"
    assert inspect(err, {"compact": True, "breakLength": 1}) == \
        "{ [Exception: foo]\n  bar:\n   true }"
    assert inspect(err2, {"compact": True, "breakLength": 5}) == \
        "{ [Exception: foo\nbar]\n  bar: true }"
    assert inspect(err, {"compact": False}) == "[Exception: foo] {\n  bar: true\n}"
    assert inspect(err2, {"compact": False}) == "[Exception: foo\nbar] {\n  bar: true\n}"


def test_node_and_system_errors_show_their_fields() -> None:
    assert inspect(errors.ERR_SOCKET_BAD_PORT("bad")) == \
        "[RangeError [ERR_SOCKET_BAD_PORT]: bad] { code: 'ERR_SOCKET_BAD_PORT' }"
    err = errors.exception_with_host_port(111, "connect", "127.0.0.1", 4000)
    assert inspect(err) == ("[Error: connect ECONNREFUSED 127.0.0.1:4000] {\n"
                            "  errno: 111,\n"
                            "  code: 'ECONNREFUSED',\n"
                            "  syscall: 'connect',\n"
                            "  address: '127.0.0.1',\n"
                            "  port: 4000\n"
                            "}")


def test_cause_and_aggregate_errors() -> None:
    try:
        try:
            raise KeyError("inner")
        except KeyError as inner:
            raise ValueError("outer") from inner
    except ValueError as outer:
        text = inspect(outer)
    assert text.startswith("ValueError: outer\n    at ")
    assert "[cause]: KeyError: inner\n" in text
    agg = errors.AggregateError([ValueError("a")], "all failed")
    assert inspect(agg) == "[AggregateError: all failed] { [errors]: [ [ValueError: a] ] }"


def test_custom_inspect() -> None:
    class Custom:
        def __node_inspect__(self) -> int:
            return 123

    assert "123" in inspect(Custom(), {"customInspect": True})
    assert "123" not in inspect(Custom(), {"customInspect": False})
    assert inspect(Custom(), {"customInspect": False}) == "Custom {}"

    class ReturnsObject:
        def __node_inspect__(self) -> dict[str, str]:
            return {"foo": "bar"}

    assert inspect(ReturnsObject()) == "{ foo: 'bar' }"
    seen: list[Any] = []

    class Takes:
        def __node_inspect__(self, depth: Any, options: dict[str, Any], insp: Any) -> str:
            seen.append((depth, options, insp))
            return "x\ny"

    assert inspect({"k": Takes()}, {"depth": None, "compact": True}) == "{ k: x\n   y }"
    depth, options, insp = seen[0]
    assert depth is None and options["compact"] is True and insp is not None
    assert set(options) >= set(util.inspect.defaultOptions)

    class ReturnsSelf:
        def __init__(self) -> None:
            self.a = 123

        def __node_inspect__(self) -> Any:
            return self

    assert inspect(ReturnsSelf()) == "ReturnsSelf { a: 123 }"
    assert util.inspect.custom == "__node_inspect__"


def test_promises() -> None:
    assert inspect(Promise.resolve(3)) == "Promise { 3 }"
    rejected = Promise.reject(3)
    rejected.catch(lambda _: None)
    assert inspect(rejected) == "Promise { <rejected> 3 }"
    assert inspect(Promise(lambda resolve: None)) == "Promise { <pending> }"
    pynet.run()


def test_circular_set() -> None:
    class Holder:
        pass

    holder = Holder()
    holder.items = [holder]  # type: ignore[attr-defined]
    assert inspect(holder) == "<ref *1> Holder { items: [ [Circular *1] ] }"


def test_alignment() -> None:
    big = list(range(100))
    lines = inspect(dict.fromkeys(map(str, big))).split("\n")
    assert lines[0] == "{" and lines[-1] == "}"
    assert lines[1:-1] == [f"  '{i}': null" + ("," if i < 99 else "") for i in big]
    lines = inspect(set(big)).split("\n")
    assert lines[0] == "Set(100) {" and lines[-1] == "}"
    assert lines[1:-1] == [f"  {i}" + ("," if i < 99 else "") for i in big]


def test_constructors() -> None:
    class ObjectSubclass:
        def __init__(self) -> None:
            self.foo = 42

    class ArraySubclass(list[Any]):
        pass

    assert inspect(ObjectSubclass()) == "ObjectSubclass { foo: 42 }"
    assert inspect(ArraySubclass([1, 2, 3])) == "ArraySubclass(3) [ 1, 2, 3 ]"
    assert inspect({"a": {"b": ArraySubclass([1, [2], 3])}}, depth=1) == \
        "{ a: { b: [ArraySubclass] } }"


def test_max_array_length() -> None:
    x = [None] * 101
    assert inspect(x).endswith("1 more item\n]")
    assert not inspect(x, {"maxArrayLength": 101}).endswith("1 more item\n]")
    assert inspect(x, {"maxArrayLength": -1}) == "[ ... 101 more items ]"
    assert inspect(x, {"maxArrayLength": 0}) == "[ ... 101 more items ]"
    assert not inspect(x, {"maxArrayLength": None}).endswith("1 more item\n]")
    assert not inspect(x, {"maxArrayLength": math.inf}).endswith("1 more item ]")


def test_break_length() -> None:
    obj = {"foo": "abc", "bar": "xyz"}
    one_line = inspect(obj, {"breakLength": math.inf})
    breakpoint_ = len(one_line) - 5
    two_lines = inspect(obj, {"breakLength": breakpoint_})
    assert one_line == "{ foo: 'abc', bar: 'xyz' }"
    assert inspect(obj, {"breakLength": breakpoint_ + 1}) == two_lines
    assert two_lines == "{\n  foo: 'abc',\n  bar: 'xyz'\n}"


@pytest.fixture
def saved_defaults() -> Iterator[dict[str, Any]]:
    old = dict(util.inspect.defaultOptions)
    yield old
    util.inspect.defaultOptions.clear()
    util.inspect.defaultOptions.update(old)


def test_default_options(saved_defaults: dict[str, Any]) -> None:
    arr = [None] * 101
    obj = {"a": {"a": {"a": {"a": 1}}}}
    util.inspect.defaultOptions["maxArrayLength"] = None
    assert "1 more item" not in inspect(arr)
    util.inspect.defaultOptions["maxArrayLength"] = saved_defaults["maxArrayLength"]
    assert "1 more item" in inspect(arr)
    util.inspect.defaultOptions["depth"] = None
    assert "Object" not in inspect(obj)
    util.inspect.defaultOptions["depth"] = saved_defaults["depth"]
    assert "Object" in inspect(obj)
    assert util.inspect.defaultOptions == saved_defaults
    util.inspect.defaultOptions = {"maxArrayLength": None, "depth": 2}
    assert "1 more item" not in inspect(arr)
    assert "Object" in inspect(obj)
    util.inspect.defaultOptions = saved_defaults
    assert "1 more item" in inspect(arr)
    assert util.inspect.defaultOptions == saved_defaults
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
        util.inspect.defaultOptions = None
    assert str(info.value) == 'The "options" argument must be of type object. Received null'
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
        util.inspect.defaultOptions = "bad"
    assert str(info.value) == ('The "options" argument must be of type object. '
                               "Received type string ('bad')")


def test_compact_and_sorted() -> None:
    # From the later sections of the file: compact modes and sorting.
    obj = {"b": 1, "a": {"d": 2, "c": 3}}
    assert inspect(obj, {"sorted": True}) == "{ a: { c: 3, d: 2 }, b: 1 }"
    assert inspect(obj, {"sorted": lambda a, b: (a < b) - (a > b)}) == \
        "{ b: 1, a: { d: 2, c: 3 } }"
    assert inspect({"a": {"b": {"c": {}}}}, {"compact": False}) == \
        "{\n  a: {\n    b: {\n      c: {}\n    }\n  }\n}"
    assert inspect({"a": [1, 2]}, {"compact": 0}) == "{\n  a: [\n    1,\n    2\n  ]\n}"


def test_max_string_length() -> None:
    assert inspect("x" * 20, {"maxStringLength": 4}) == "'xxxx'... 16 more characters"
    assert inspect("x" * 5, {"maxStringLength": 4}) == "'xxxx'... 1 more character"
    assert inspect("x" * 20, {"maxStringLength": None}) == "'" + "x" * 20 + "'"


def test_buffers() -> None:
    assert inspect(b"") == "<Buffer >"
    assert inspect(bytes(range(3))) == "<Buffer 00 01 02>"
    assert inspect(bytes(51)) == "<Buffer " + " ".join(["00"] * 50) + " ... 1 more byte>"
    assert inspect({"b": {"c": {"d": {"e": b"deep"}}}}) == "{ b: { c: { d: [Object] } } }"
    assert inspect([[[[b"x"]]]]) == "[ [ [ [Array] ] ] ]"
    assert inspect([[[b"x"]]]) == "[ [ [ <Buffer 78> ] ] ]"


def test_legacy_arguments() -> None:
    # util.inspect(value, showHidden, depth[, colors]); a None depth is Node's null.
    nested = {"a": {"b": {"c": {"d": 2}}}}
    assert util.inspect(nested, False, None) == "{\n  a: { b: { c: { d: 2 } } }\n}"
    assert util.inspect({"a": {"b": {"c": 2}}}, False, 0) == "{ a: [Object] }"
    assert util.inspect({"a": {"b": {"c": 2}}}, False, 1) == "{ a: { b: [Object] } }"
    assert util.inspect({"a": {"b": ["c"]}}, False, 1) == "{ a: { b: [Array] } }"
    assert "Object" not in util.inspect({"a": {"a": {"a": {"a": {}}}}}, None, None, True)


@pytest.mark.parametrize(("style", "value"), [
    ("special", lambda: None), ("number", 123.456), ("boolean", True), ("null", None),
    ("string", "test string"),
])
def test_color_styles(style: str, value: Any) -> None:
    # util.inspect.styles and util.inspect.colors.
    color = util.inspect.colors.get(util.inspect.styles[style], ("", ""))
    without_color = util.inspect(value, False, 0, False)
    with_color = util.inspect(value, False, 0, True)
    assert with_color == f"\x1b[{color[0]}m{without_color}\x1b[{color[1]}m"


def test_colors_and_styles_tables() -> None:
    assert util.inspect.styles["undefined"] == "grey"
    assert util.inspect.colors["grey"] == util.inspect.colors["gray"] == (90, 39)
    assert "grey" not in list(util.inspect.colors)  # an alias, not a key
