"""pynet.util: inspect of Python-only values (mapping §13), the hook protocol,
types, isDeepStrictEqual (node's output for JavaScript twins is compared in
tests/interop/test_console_node.py)."""

from __future__ import annotations

import collections
import math
from typing import Any

import pytest

from pynet import Promise, errors, util
from pynet._js.inspect import ObjectView, Raw


class Slotted:
    __slots__ = ("_hidden", "x")

    def __init__(self) -> None:
        self.x = 1
        self._hidden = 2


@pytest.mark.parametrize(("value", "expected"), [
    ((1, "a"), "[ 1, 'a' ]"),
    (bytearray(b"\x00\xff"), "<Buffer 00 ff>"),
    (memoryview(b"abc")[1:], "<Buffer 62 63>"),
    (frozenset({7}), "Set(1) { 7 }"),
    (Slotted(), "Slotted { x: 1 }"),
    (collections.OrderedDict(a=1), "{ a: 1 }"),
    ({1: "i", 2.5: "f", None: "n", False: "b"}, "{ '1': 'i', '2.5': 'f', null: 'n', false: 'b' }"),
    ({"b": 1, "10": 2, "2": 3, "-1": 4, "01": 5},
     "{ '2': 3, '10': 2, b: 1, '-1': 4, '01': 5 }"),
    (2.0, "2"), (2**60, "1152921504606847000"), (math.nan, "NaN"),
    (KeyError("k"), "[KeyError: k]"),
])
def test_python_values(value: Any, expected: str) -> None:
    assert util.inspect(value) == expected


def test_object_view_and_raw_entries() -> None:
    class Thing:
        def __node_inspect__(self) -> ObjectView:
            return ObjectView("Thing", {"a": 1}, [Raw("<state>"), Raw("<value>", [1])],
                              source=self)

    assert util.inspect(Thing()) == "Thing { <state>, <value> [ 1 ], a: 1 }"
    assert util.inspect({"a": {"b": {"c": Thing()}}}) == "{ a: { b: { c: [Thing] } } }"


def test_a_promise_of_itself_is_circular() -> None:
    resolve: list[Any] = []
    p: Promise[Any] = Promise(lambda res: resolve.append(res))
    holder = {"p": p}
    resolve[0](holder)
    assert util.inspect(p) == "<ref *1> Promise { { p: [Circular *1] } }"


def test_legacy_show_hidden_and_ignored_options() -> None:
    assert util.inspect([1], True) == "[ 1, [length]: 1 ]"
    assert util.inspect([1], {"colors": True, "unknown": 1}) == "[ \x1b[33m1\x1b[39m ]"


def test_types() -> None:
    async def af() -> None:
        pass

    def gf() -> Any:
        yield 1

    assert util.types.isPromise(Promise.resolve(1)) and not util.types.isPromise(1)
    assert util.types.isSet({1}) and util.types.isSet(frozenset()) and not util.types.isSet([])
    assert not util.types.isMap({})
    assert util.types.isNativeError(ValueError()) and not util.types.isNativeError("x")
    assert util.types.isAsyncFunction(af) and not util.types.isAsyncFunction(gf)
    assert util.types.isGeneratorFunction(gf) and not util.types.isGeneratorFunction(af)
    assert util.types.isUint8Array(b"") and util.types.isArrayBufferView(bytearray())
    assert util.types.isTypedArray(memoryview(b"")) and not util.types.isTypedArray([1])


class P:
    def __init__(self, x: Any) -> None:
        self.x = x


@pytest.mark.parametrize(("a", "b", "equal"), [
    (1, 1.0, True), (True, 1, False), (math.nan, math.nan, True), (0.0, -0.0, False),
    ([1, [2]], (1, (2,)), True), ({"a": 1, "b": 2}, {"b": 2, "a": 1}, True),
    ({"a": 1}, {"a": 1, "b": None}, False), ({1, 2}, {2, 1}, True), ({1}, {1, 2}, False),
    (b"ab", bytearray(b"ab"), True), (b"ab", "ab", False), (P([1]), P([1]), True),
    (P(1), P(2), False), ("a", "a", True), (None, None, True), (None, 0, False),
    ([{"a": {1, 2}}], [{"a": {2, 1}}], True),
])
def test_is_deep_strict_equal(a: Any, b: Any, equal: bool) -> None:
    assert util.isDeepStrictEqual(a, b) is equal
    assert util.isDeepStrictEqual(b, a) is equal


def test_is_deep_strict_equal_cycles() -> None:
    a: list[Any] = [1]
    a.append(a)
    b: list[Any] = [1]
    b.append(b)
    assert util.isDeepStrictEqual(a, b)


def test_format_with_options_validates() -> None:
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
        util.formatWithOptions(None, "x")
    assert util.formatWithOptions([], "%O", {"a": {"b": {"c": {"d": 1}}}}) == \
        "{ a: { b: { c: [Object] } } }"


def test_show_hidden_lists_class_properties() -> None:
    # Node's addPrototypeProperties: accessors and data of the class and two
    # bases above it (not methods, not names the instance or a nearer class
    # has); the getters option calls them.
    class Base:
        shared = 5

        @property
        def g(self) -> int:
            return 2

        @property
        def gs(self) -> dict[str, int]:
            return {"k": 1}

        @gs.setter
        def gs(self, value: Any) -> None:
            pass

        s = property(None, lambda self, value: None)

        def method(self) -> None:
            pass

    class Derived(Base):
        def __init__(self) -> None:
            self.a = 1

        @property
        def boom(self) -> None:
            raise ValueError("boom")

        @property
        def nothing(self) -> None:
            return None

    assert util.inspect(Derived(), {"getters": True}) == "Derived { a: 1 }"
    assert util.inspect(Derived(), {"showHidden": True}) == (
        "Derived {\n  a: 1,\n  [boom]: [Getter],\n  [nothing]: [Getter],\n  shared: 5,\n"
        "  [g]: [Getter],\n  [gs]: [Getter/Setter],\n  [s]: [Setter]\n}")
    assert util.inspect(Derived(), {"showHidden": True, "getters": True}) == (
        "Derived {\n  a: 1,\n  [boom]: [Getter: <Inspection threw (boom)>],\n"
        "  [nothing]: [Getter: null],\n  shared: 5,\n  [g]: [Getter: 2],\n"
        "  [gs]: [Getter/Setter] { k: 1 },\n  [s]: [Setter]\n}")
    assert util.inspect(Derived(), {"showHidden": True, "getters": "set"}).count("{ k: 1 }") == 1
    assert util.inspect(Derived(), {"showHidden": True, "colors": True}).count("\x1b[2m") == 6


def test_null_prototype_objects_print_as_node() -> None:
    # Node: Object.create(null) objects (a certificate's subject, issuer, infoAccess).
    from pynet._js.nodeobject import NullPrototypeObject
    from pynet.util import format as util_format
    from pynet.util import inspect as util_inspect

    subject = NullPrototypeObject(CN="x")
    assert util_inspect(NullPrototypeObject()) == "[Object: null prototype] {}"
    assert util_inspect(subject) == "[Object: null prototype] { CN: 'x' }"
    assert repr(subject) == "[Object: null prototype] { CN: 'x' }"
    assert util_inspect({"a": {"b": subject}}, {"depth": 1}) == \
        "{ a: { b: [Object: null prototype] } }"
    assert util_inspect([subject]) == "[ [Object: null prototype] { CN: 'x' } ]"
    assert util_inspect(subject, {"compact": False}) == "[Object: null prototype] {\n  CN: 'x'\n}"
    assert util_format("%s", subject) == "[Object: null prototype] { CN: 'x' }"
    assert subject == {"CN": "x"} and subject.CN == "x" and subject.copy() == subject
    assert type(subject.copy()) is NullPrototypeObject
