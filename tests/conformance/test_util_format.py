"""Port of test/parallel/test-util-format.js (Node v20).

util.format: plain values, the %s %d %i %f %j %o %O %c %% specifiers, missing
and extra arguments, invalid specifiers, errors, and formatWithOptions.

Not portable (no Python twin): the Symbol and BigInt assertions (``Symbol('foo')``,
``42n``), ``Object.create(null)`` and ``Object.setPrototypeOf`` prototypes, sparse
``Array`` subclasses (``new Foobar(5)``), the function internals that ``%o``
shows (``[length]``, ``[name]``, ``[arguments]``, ``[caller]``, ``[prototype]``
of a JavaScript function), ``String(fn)`` of a function (its source text),
``SharedArrayBuffer``, and the coloured Symbol, BigInt and undefined.  Python ints stand for
JavaScript numbers (mapping §3), so ``1180591620717411303424`` is the double
``1.1805916207174113e+21``.
"""

from __future__ import annotations

import math
from typing import Any

import pytest

from pynet import errors, util


class Obj:
    """A class with its own ``toString`` (``__str__``)."""

    def __str__(self) -> str:
        return "Foo"


class Bar:
    def __init__(self) -> None:
        self.abc = True


class FooStr:
    def __str__(self) -> str:
        return "Bar"


class B(FooStr):
    pass


def func() -> None:
    pass


OBJ = {"foo": "bar", "foobar": 1, "func": func}
NESTED = {"foo": "bar", "foobar": {"foo": "bar", "func": func}}

CASES: list[tuple[tuple[Any, ...], str]] = [
    ((), ""), (("",), ""), (([],), "[]"), (([0],), "[ 0 ]"), (({},), "{}"),
    (({"foo": 42},), "{ foo: 42 }"), ((None,), "null"), ((True,), "true"), ((False,), "false"),
    (("test",), "test"), (("foo", "bar", "baz"), "foo bar baz"),
    # %d
    (("%d",), "%d"), (("%d", 42.0), "42"), (("%d", 42), "42"), (("%d", "42"), "42"),
    (("%d", "42.0"), "42"), (("%d", 1.5), "1.5"), (("%d", -0.5), "-0.5"), (("%d", -0.0), "-0"),
    (("%d", ""), "0"), (("%d", " -0.000"), "-0"), (("%d %d", 42, 43), "42 43"),
    (("%d %d", 42), "42 %d"), (("%d", 1180591620717411303424), "1.1805916207174113e+21"),
    # %i
    (("%i",), "%i"), (("%i", 42.0), "42"), (("%i", 42), "42"), (("%i", "42"), "42"),
    (("%i", "42.0"), "42"), (("%i", 1.5), "1"), (("%i", -0.5), "-0"), (("%i", ""), "NaN"),
    (("%i %i", 42, 43), "42 43"), (("%i %i", 42), "42 %i"), (("%i", 1180591620717411303424), "1"),
    # %f
    (("%f",), "%f"), (("%f", 42.0), "42"), (("%f", 42), "42"), (("%f", "42"), "42"),
    (("%f", "-0.0"), "-0"), (("%f", "42.0"), "42"), (("%f", 1.5), "1.5"), (("%f", -0.5), "-0.5"),
    (("%f", math.pi), "3.141592653589793"), (("%f", ""), "NaN"), (("%f %f", 42, 43), "42 43"),
    (("%f %f", 42), "42 %f"),
    # %s
    (("%s",), "%s"), (("%s", None), "null"), (("%s", "foo"), "foo"), (("%s", 42), "42"),
    (("%s", "42"), "42"), (("%s", -0.0), "-0"), (("%s", "-0.0"), "-0.0"), (("%s %s", 42, 43), "42 43"),
    (("%s %s", 42), "42 %s"), (("%s", True), "true"), (("%s", {"a": [1, 2, 3]}), "{ a: [Array] }"),
    (("%s", Obj()), "Foo"), (("%s", {"toString": 5}), "{ toString: 5 }"), (("%s", FooStr()), "Bar"),
    (("%s", Bar()), "Bar { abc: true }"), (("%s", B()), "Bar"),
    # %j
    (("%j",), "%j"), (("%j", 42), "42"), (("%j", "42"), '"42"'), (("%j %j", 42, 43), "42 43"),
    (("%j %j", 42), "42 %j"),
    # %o (values without function internals) and %O
    (("%o",), "%o"), (("%o", 42), "42"), (("%o", "foo"), "'foo'"),
    (("%O",), "%O"), (("%O", 42), "42"), (("%O", "foo"), "'foo'"),
    (("%O", OBJ), "{ foo: 'bar', foobar: 1, func: [Function: func] }"),
    (("%O", NESTED), "{ foo: 'bar', foobar: { foo: 'bar', func: [Function: func] } }"),
    (("%O %O", OBJ, OBJ), "{ foo: 'bar', foobar: 1, func: [Function: func] } "
                          "{ foo: 'bar', foobar: 1, func: [Function: func] }"),
    (("%O %O", OBJ), "{ foo: 'bar', foobar: 1, func: [Function: func] } %O"),
    # various
    (("%%s%s", "foo"), "%sfoo"), (("%s:%s",), "%s:%s"), (("%s:%s", None), "null:%s"),
    (("%s:%s", "foo"), "foo:%s"), (("%s:%i", "foo"), "foo:%i"), (("%s:%f", "foo"), "foo:%f"),
    (("%s:%s", "foo", "bar"), "foo:bar"), (("%s:%s", "foo", "bar", "baz"), "foo:bar baz"),
    (("%%%s%%", "hi"), "%hi%"), (("%%%s%%%%", "hi"), "%hi%%"), (("%sbc%%def", "a"), "abc%def"),
    (("%d:%d", 12, 30), "12:30"), (("%d:%d", 12), "12:%d"), (("%d:%d",), "%d:%d"),
    (("%i:%i", 12, 30), "12:30"), (("%i:%i", 12), "12:%i"), (("%i:%i",), "%i:%i"),
    (("%f:%f", 12, 30), "12:30"), (("%f:%f", 12), "12:%f"), (("%f:%f",), "%f:%f"),
    (("o: %j, a: %j", {}, []), "o: {}, a: []"), (("o: %j, a: %j", {}), "o: {}, a: %j"),
    (("o: %j, a: %j",), "o: %j, a: %j"), (("o: %o, a: %O", {}, []), "o: {}, a: []"),
    (("o: %o, a: %o", {}), "o: {}, a: %o"), (("o: %O, a: %O",), "o: %O, a: %O"),
    # invalid specifiers
    (("a% b", "x"), "a% b x"), (("percent: %d%, fraction: %d", 10, 0.1), "percent: 10%, fraction: 0.1"),
    (("abc%", 1), "abc% 1"),
    # extra arguments
    (("%i", 1, "number"), "1 number"), (("%i", 1, lambda: None), "1 [Function (anonymous)]"),
    # %c
    (("%c",), "%c"), (("%cab",), "%cab"), (("%cab", "color: blue"), "ab"),
    (("%cab", "color: blue", "c"), "ab c"),
    # the first argument's type does not change how the rest are shown
    (("1", "1"), "1 1"), ((1, "1"), "1 1"), (("1", 1), "1 1"), ((1, -0.0), "1 -0"),
    (("1", lambda: None), "1 [Function (anonymous)]"), ((1, lambda: None), "1 [Function (anonymous)]"),
    (("1", "'"), "1 '"), ((1, "'"), "1 '"), (("1", "number"), "1 number"), ((1, "number"), "1 number"),
]


@pytest.mark.parametrize(("args", "expected"), CASES)
def test_format(args: tuple[Any, ...], expected: str) -> None:
    assert util.format(*args) == expected


def test_o_shows_an_arrays_length() -> None:
    # %o is inspect with showHidden (and depth 4): an array shows [length].
    assert util.format("%o", [1, 2]) == "[ 1, 2, [length]: 2 ]"


def test_j_of_a_cycle_is_circular() -> None:
    o: dict[str, Any] = {}
    o["o"] = o
    assert util.format("%j", o) == "[Circular]"


def test_errors_print_their_stack() -> None:
    try:
        raise ValueError("foo")
    except ValueError as err:
        shown = util.format(err)
        assert shown == util.inspect(err)
        assert shown.startswith("ValueError: foo\n    at test_errors_print_their_stack (")


def test_error_without_a_stack_is_bracketed() -> None:
    # Node: an error whose stack has no frames prints as [Name: message].
    assert util.format(ValueError("foo")) == "[ValueError: foo]"


def test_node_errors_print_their_code() -> None:
    err = errors.ERR_INVALID_ARG_TYPE("bad")
    assert util.format(err) == "[TypeError [ERR_INVALID_ARG_TYPE]: bad] { code: 'ERR_INVALID_ARG_TYPE' }"


def test_format_with_options() -> None:
    assert util.formatWithOptions({"colors": True}, True, 1, None, "foobar") == (
        "\x1b[33mtrue\x1b[39m \x1b[33m1\x1b[39m \x1b[1mnull\x1b[22m foobar")
    # %s shows an object without colours.
    assert util.formatWithOptions({"colors": True, "compact": 3}, "%s",
                                  [1, {"a": True}]) == "[ 1, [Object] ]"
    assert util.formatWithOptions({"compact": 3}, "%s", [1, {"a": True}]) == "[ 1, [Object] ]"
    assert util.formatWithOptions({"depth": 0}, {"a": {"b": 1}}) == "{ a: [Object] }"
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
        util.formatWithOptions("not an object", "x")
