"""Port of test/parallel/test-util.js (Node v20).

The legacy checks (util.isArray, isRegExp, isError, isObject, isPrimitive,
isBuffer, isBoolean, isNull, isUndefined, isNullOrUndefined, isNumber,
isString, isSymbol, isFunction), util._extend, util.toUSVString,
util.types.isNativeError (pynet's ERR_* errors included) and
stripVTControlCharacters' argument check.  Python's twins: a list is an
array, ``re.compile()`` a RegExp, an exception an Error, ``bytes`` a Buffer.

Not portable: ``vm`` contexts, objects made with an Array/RegExp/Date/Error
``__proto__``, util.isDate (no Date), boxed primitives, Symbols, and the
assertions that tell ``undefined`` from ``null`` (Python's ``None`` is both:
``isNull(undefined)``, ``isUndefined(null)`` and the no-argument calls).
"""

from __future__ import annotations

import math
import re
from typing import Any

import pytest

from pynet import errors, util


def test_is_array() -> None:
    assert util.isArray([]) is True
    assert util.isArray(list()) is True
    assert util.isArray([None] * 5) is True
    assert util.isArray(["with", "some", "entries"]) is True
    assert util.isArray({}) is False
    assert util.isArray({"push": lambda: None}) is False
    assert util.isArray(re.compile("regexp")) is False
    assert util.isArray(Exception()) is False


def test_is_regexp() -> None:
    assert util.isRegExp(re.compile("regexp")) is True
    assert util.isRegExp(re.compile("")) is True
    assert util.isRegExp({}) is False
    assert util.isRegExp([]) is False


def test_is_error() -> None:
    assert util.isError(Exception()) is True
    assert util.isError(TypeError()) is True
    assert util.isError(SyntaxError()) is True
    assert util.isError({}) is False
    assert util.isError({"name": "Error", "message": ""}) is False
    assert util.isError([]) is False


def test_is_object() -> None:
    assert util.isObject({}) is True
    assert util.isObject([]) is True
    assert util.isObject(4) is False
    assert util.isObject(1) is False


@pytest.mark.parametrize(("value", "primitive"), [
    ({}, False), (Exception(), False), ([], False), (re.compile("regexp"), False),
    (lambda: None, False), (1, True), ("bla", True), (True, True), (None, True),
    (math.inf, True), (math.nan, True),
])
def test_is_primitive(value: Any, primitive: bool) -> None:
    assert util.isPrimitive(value) is primitive


def test_is_buffer() -> None:
    assert util.isBuffer("foo") is False
    assert util.isBuffer(b"foo") is True


def test_extend() -> None:
    assert util._extend({"a": 1}) == {"a": 1}
    assert util._extend({"a": 1}, []) == {"a": 1}
    assert util._extend({"a": 1}, None) == {"a": 1}
    assert util._extend({"a": 1}, True) == {"a": 1}
    assert util._extend({"a": 1}, False) == {"a": 1}
    assert util._extend({"a": 1}, {"b": 2}) == {"a": 1, "b": 2}
    assert util._extend({"a": 1, "b": 2}, {"b": 3}) == {"a": 1, "b": 3}


def test_deprecated_checks() -> None:
    assert util.isBoolean(True) is True
    assert util.isBoolean(False) is True
    assert util.isBoolean("string") is False
    assert util.isNull(None) is True
    assert util.isNull("string") is False
    assert util.isUndefined(None) is True
    assert util.isUndefined("string") is False
    assert util.isNullOrUndefined(None) is True
    assert util.isNullOrUndefined() is True
    assert util.isNullOrUndefined("string") is False
    assert util.isNumber(42) is True
    assert util.isNumber() is False
    assert util.isNumber("string") is False
    assert util.isString("string") is True
    assert util.isString() is False
    assert util.isString(42) is False
    assert util.isSymbol() is False
    assert util.isSymbol("string") is False
    assert util.isFunction(lambda: None) is True

    def function() -> None:
        pass

    assert util.isFunction(function) is True
    assert util.isFunction() is False
    assert util.isFunction("string") is False


def test_to_usv_string() -> None:
    assert util.toUSVString("string\ud801") == "string\ufffd"


def test_types_is_native_error() -> None:
    assert util.types.isNativeError(Exception()) is True
    assert util.types.isNativeError(TypeError()) is True
    assert util.types.isNativeError(SyntaxError()) is True
    assert util.types.isNativeError({}) is False
    assert util.types.isNativeError({"name": "Error", "message": ""}) is False
    assert util.types.isNativeError([]) is False
    assert util.types.isNativeError(errors.ERR_IPC_CHANNEL_CLOSED()) is True


def test_strip_vt_control_characters_needs_a_string() -> None:
    with pytest.raises(TypeError) as info:
        util.stripVTControlCharacters({})
    assert isinstance(info.value, errors.ERR_INVALID_ARG_TYPE)
    assert str(info.value) == ('The "str" argument must be of type string. '
                               "Received an instance of Object")
