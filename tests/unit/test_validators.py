"""Unit tests for pynet._js.validators (Node's lib/internal/validators.js).

Expected messages were taken from Node v20 (tests/interop/test_address_node.py
re-checks a superset of them against a live ``node``).
"""

from __future__ import annotations

import math
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pynet import errors
from pynet._js.inspect import inspect
from pynet._js.number import is_int32, is_number, is_uint32, js_trim, to_number
from pynet._js.number import number_to_string as js_number_to_string
from pynet._js.validators import (
    TIMEOUT_MAX,
    TimeoutOverflowWarning,
    determine_specific_type,
    get_timer_duration,
    invalid_arg_type,
    invalid_arg_value,
    is_pipe_name,
    out_of_range,
    socket_bad_port,
    validate_boolean,
    validate_function,
    validate_int32,
    validate_integer,
    validate_number,
    validate_object,
    validate_one_of,
    validate_port,
    validate_string,
    validate_uint32,
)

NAN = math.nan
INF = math.inf


def named(name: str) -> Any:
    def f() -> None:
        return None
    f.__name__ = name
    return f


# --- Number() -------------------------------------------------------------------

@pytest.mark.parametrize(("value", "expected"), [
    ("8080", 8080), (" 80 ", 80), ("", 0), ("   ", 0), ("abc", NAN), ("-1", -1),
    ("0x10", 16), ("0X1f", 31), ("0o17", 15), ("0b101", 5), ("-0x10", NAN), ("+0x10", NAN),
    ("1e3", 1000), (".5", 0.5), ("5.", 5), ("1_0", NAN), ("Infinity", INF),
    ("-Infinity", -INF), ("+Infinity", INF), ("inf", NAN), ("NaN", NAN), ("nan", NAN),
    ("\u00a0\u2029 7 \ufeff", 7), ("\u0661", NAN), ("\uff11", NAN), ("1e400", INF),
    ("0x", NAN), ("0b", NAN), ("0xg", NAN), ("00", 0), ("007", 7), ("1.2.3", NAN),
    ("12px", NAN), ("\x1c5", NAN), ("5\x85", NAN),
    (None, 0), (True, 1), (False, 0), (12, 12), (1.25, 1.25), (2**1100, INF),
    ([], NAN), ({}, NAN),
])
def test_to_number(value: Any, expected: float) -> None:
    got = to_number(value)
    assert isinstance(got, float)
    if math.isnan(expected):
        assert math.isnan(got)
    else:
        assert got == expected


def test_to_number_negative_zero() -> None:
    assert math.copysign(1, to_number("-0")) < 0
    assert math.copysign(1, to_number(" -0 ")) < 0


@pytest.mark.parametrize(("value", "expected"), [
    ("8080", False), (" 80 ", False), ("", False), ("0x1", False), ("1e3", False),
    ("abc", True), ("-1", True), ("/tmp/x.sock", True), ("NaN", True), ("\\\\.\\pipe\\x", True),
    (80, False), (None, False), (b"/tmp/x", False),
])
def test_is_pipe_name(value: Any, expected: bool) -> None:
    assert is_pipe_name(value) is expected


def test_js_trim_uses_javascript_whitespace() -> None:
    assert js_trim("\ufeff\u3000 a \u2028") == "a"
    assert js_trim("\x1ca\x85") == "\x1ca\x85"  # Python's str.strip would remove these


@pytest.mark.parametrize(("value", "expected"), [
    (0, "0"), (-0.0, "0"), (1.5, "1.5"), (100.0, "100"), (1e21, "1e+21"), (1e20, "100000000000000000000"),
    (1.5e-7, "1.5e-7"), (1e-6, "0.000001"), (1e-7, "1e-7"), (0.1 + 0.2, "0.30000000000000004"),
    (123456.789, "123456.789"), (-2.5e300, "-2.5e+300"), (NAN, "NaN"), (INF, "Infinity"),
    (-INF, "-Infinity"), (2**53 - 1, "9007199254740991"), (2**60, "1152921504606847000"),
    (1.7976931348623157e308, "1.7976931348623157e+308"), (5e-324, "5e-324"),
])
def test_js_number_to_string(value: float, expected: str) -> None:
    assert js_number_to_string(value) == expected


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_js_number_to_string_round_trips(x: float) -> None:
    assert float(js_number_to_string(x)) == x


def test_number_predicates() -> None:
    assert is_number(1) and is_number(1.5) and not is_number(True) and not is_number("1")
    assert is_int32(2**31 - 1) and not is_int32(2**31) and is_int32(-(2**31)) and not is_int32(1.5)
    assert is_uint32(2**32 - 1) and not is_uint32(-1) and not is_uint32(True) and is_uint32(3.0)


# --- validate_port ----------------------------------------------------------------

@pytest.mark.parametrize(("value", "expected"), [
    (0, 0), (80, 80), (65535, 65535), (80.0, 80), (-0.0, 0), ("80", 80), (" 80 ", 80),
    ("0x50", 80), ("1e3", 1000), ("\u00a080", 80), ("\ufeff80", 80), ("80\u2028", 80),
    ("+80", 80), ("-0", 0), ("0b11", 3), ("0o17", 15), ("80.0", 80), ("80.", 80),
    (".5e1", 5), ("00080", 80),
])
def test_validate_port_accepts(value: Any, expected: int) -> None:
    got = validate_port(value)
    assert got == expected
    assert type(got) is int


@pytest.mark.parametrize(("value", "received"), [
    (-1, "type number (-1)"), (65536, "type number (65536)"), (1.5, "type number (1.5)"),
    ("abc", "type string ('abc')"), ("", "type string ('')"), ("  ", "type string ('  ')"),
    (True, "type boolean (true)"), (False, "type boolean (false)"), (None, "null"),
    (NAN, "type number (NaN)"), (INF, "type number (Infinity)"), ("1_0", "type string ('1_0')"),
    ("Infinity", "type string ('Infinity')"), ("0x", "type string ('0x')"),
    ("-0x10", "type string ('-0x10')"), ("5e-1", "type string ('5e-1')"),
    ("\u0661", "type string ('\u0661')"), ("65536", "type string ('65536')"),
    (2**32, "type number (4294967296)"), (2**80, "type number (1.2089258196146292e+24)"),
    ([80], "an instance of Array"), ({"a": 1}, "an instance of Object"),
    ("it's", 'type string ("it\'s")'), ("a" * 40, "type string ('aaaaaaaaaaaaaaaaaaaaaaaaa...')"),
    (1e21, "type number (1e+21)"),
])
def test_validate_port_rejects(value: Any, received: str) -> None:
    with pytest.raises(errors.ERR_SOCKET_BAD_PORT) as info:
        validate_port(value)
    assert info.value.message == f"Port should be >= 0 and < 65536. Received {received}."
    assert info.value.code == "ERR_SOCKET_BAD_PORT"
    assert isinstance(info.value, ValueError)


def test_validate_port_names_and_allow_zero() -> None:
    with pytest.raises(errors.ERR_SOCKET_BAD_PORT, match=r"^options\.port should be >= 0 and "
                       r"< 65536\. Received type string \('abc'\)\.$"):
        validate_port("abc", "options.port")
    with pytest.raises(errors.ERR_SOCKET_BAD_PORT, match=r"^x should be > 0 and < 65536\. "
                       r"Received type number \(0\)\.$"):
        validate_port(0, "x", False)
    with pytest.raises(errors.ERR_SOCKET_BAD_PORT, match=r"Received type number \(-0\)\.$"):
        validate_port(-0.0, "x", False)
    # Node quirk: allowZero=false only refuses the *number* 0.
    assert validate_port("0", "x", False) == 0
    assert validate_port(" 0 ", "x", False) == 0


# --- the other validators --------------------------------------------------------

@pytest.mark.parametrize(("call", "exc", "message"), [
    (lambda: validate_number("1", "msecs"), errors.ERR_INVALID_ARG_TYPE,
     'The "msecs" argument must be of type number. Received type string (\'1\')'),
    (lambda: validate_number(True, "options.x"), errors.ERR_INVALID_ARG_TYPE,
     'The "options.x" property must be of type number. Received type boolean (true)'),
    (lambda: validate_number(NAN, "x", 0), errors.ERR_OUT_OF_RANGE,
     'The value of "x" is out of range. It must be >= 0. Received NaN'),
    (lambda: validate_number(6, "x", None, 5), errors.ERR_OUT_OF_RANGE,
     'The value of "x" is out of range. It must be <= 5. Received 6'),
    (lambda: validate_number(1.5, "x", 0.5, 1.25), errors.ERR_OUT_OF_RANGE,
     'The value of "x" is out of range. It must be >= 0.5 && <= 1.25. Received 1.5'),
    (lambda: validate_integer(2**53, "x"), errors.ERR_OUT_OF_RANGE,
     'The value of "x" is out of range. It must be >= -9007199254740991 && '
     '<= 9007199254740991. Received 9_007_199_254_740_992'),
    (lambda: validate_int32(1.5, "x"), errors.ERR_OUT_OF_RANGE,
     'The value of "x" is out of range. It must be an integer. Received 1.5'),
    (lambda: validate_int32(0, "value", 1), errors.ERR_OUT_OF_RANGE,
     'The value of "value" is out of range. It must be >= 1 && <= 2147483647. Received 0'),
    (lambda: validate_int32(INF, "x"), errors.ERR_OUT_OF_RANGE,
     'The value of "x" is out of range. It must be an integer. Received Infinity'),
    (lambda: validate_int32(2**40, "x"), errors.ERR_OUT_OF_RANGE,
     'The value of "x" is out of range. It must be >= -2147483648 && <= 2147483647. '
     'Received 1_099_511_627_776'),
    (lambda: validate_uint32(-1, "x"), errors.ERR_OUT_OF_RANGE,
     'The value of "x" is out of range. It must be >= 0 && <= 4294967295. Received -1'),
    (lambda: validate_uint32(0, "x", True), errors.ERR_OUT_OF_RANGE,
     'The value of "x" is out of range. It must be >= 1 && <= 4294967295. Received 0'),
    (lambda: validate_string(1, "name"), errors.ERR_INVALID_ARG_TYPE,
     'The "name" argument must be of type string. Received type number (1)'),
    (lambda: validate_string(named("f"), "name"), errors.ERR_INVALID_ARG_TYPE,
     'The "name" argument must be of type string. Received function f'),
    (lambda: validate_boolean(1, "value"), errors.ERR_INVALID_ARG_TYPE,
     'The "value" argument must be of type boolean. Received type number (1)'),
    (lambda: validate_function("x", "callback"), errors.ERR_INVALID_ARG_TYPE,
     'The "callback" argument must be of type function. Received type string (\'x\')'),
    (lambda: validate_object(None, "options"), errors.ERR_INVALID_ARG_TYPE,
     'The "options" argument must be of type object. Received null'),
    (lambda: validate_object([], "options"), errors.ERR_INVALID_ARG_TYPE,
     'The "options" argument must be of type object. Received an instance of Array'),
    (lambda: validate_object(named("h"), "options"), errors.ERR_INVALID_ARG_TYPE,
     'The "options" argument must be of type object. Received function h'),
    (lambda: validate_one_of(5, "options.family", [0, 4, 6]), errors.ERR_INVALID_ARG_VALUE,
     "The property 'options.family' must be one of: 0, 4, 6. Received 5"),
    (lambda: validate_one_of(True, "x", [1, 0]), errors.ERR_INVALID_ARG_VALUE,
     "The argument 'x' must be one of: 1, 0. Received true"),
    (lambda: validate_one_of("IPv4", "x", ["ipv4", "ipv6"]), errors.ERR_INVALID_ARG_VALUE,
     "The argument 'x' must be one of: 'ipv4', 'ipv6'. Received 'IPv4'"),
    (lambda: get_timer_duration(-1, "msecs"), errors.ERR_OUT_OF_RANGE,
     'The value of "msecs" is out of range. It must be a non-negative finite number. '
     'Received -1'),
    (lambda: get_timer_duration(INF, "msecs"), errors.ERR_OUT_OF_RANGE,
     'The value of "msecs" is out of range. It must be a non-negative finite number. '
     'Received Infinity'),
    (lambda: get_timer_duration("1", "msecs"), errors.ERR_INVALID_ARG_TYPE,
     'The "msecs" argument must be of type number. Received type string (\'1\')'),
])
def test_validator_rejections(call: Any, exc: type[Exception], message: str) -> None:
    with pytest.raises(exc) as info:
        call()
    assert str(info.value) == message


def test_validators_return_normalised_values() -> None:
    assert validate_number(1.5, "x") == 1.5
    assert validate_int32(8.0, "prefix", 0, 32) == 8 and type(validate_int32(8.0, "p")) is int
    assert validate_uint32(2**32 - 1, "x") == 2**32 - 1
    assert validate_integer(-5, "x") == -5
    assert validate_string("ok", "x") == "ok"
    assert validate_boolean(False, "x") is False
    f = named("g")
    assert validate_function(f, "cb") is f
    assert validate_function(dict, "cb") is dict  # classes are functions in JavaScript too
    d: dict[str, int] = {}
    assert validate_object(d, "o") is d
    assert validate_object(None, "o", allow_nullable=True) is None
    assert validate_object([1], "o", allow_array=True) == [1]
    assert validate_object(f, "o", allow_function=True) is f
    assert validate_one_of(None, "x", ["b", None]) is None
    assert math.isnan(validate_one_of(NAN, "x", [NAN]))  # type: ignore[arg-type]
    assert get_timer_duration(1.5, "msecs") == 1.5


def test_error_classes_map_to_python_builtins() -> None:
    assert isinstance(invalid_arg_type("x", "number", "1"), TypeError)
    assert isinstance(invalid_arg_value("x", 1), TypeError)
    assert isinstance(out_of_range("x", ">= 0", -1), ValueError)
    assert isinstance(socket_bad_port("Port", -1), ValueError)
    assert invalid_arg_type("x", "number", "1").code == "ERR_INVALID_ARG_TYPE"


def test_timer_overflow_warns_and_truncates() -> None:
    with pytest.warns(TimeoutOverflowWarning, match="does not fit into a 32-bit signed integer"):
        assert get_timer_duration(2**31, "msecs") == TIMEOUT_MAX


# --- message builders ---------------------------------------------------------------

@pytest.mark.parametrize(("args", "message"), [
    (("options.port", ["number", "string"], True),
     'The "options.port" property must be one of type number or string. Received type boolean (true)'),
    (("first argument", "string", 1),
     "The first argument must be of type string. Received type number (1)"),
    (("x", ["Buffer", "TypedArray", "DataView"], 5),
     'The "x" argument must be an instance of Buffer, TypedArray, or DataView. Received type number (5)'),
    (("x", ["string", "Buffer", "object"], 5),
     'The "x" argument must be of type string or an instance of Buffer or Object. Received type number (5)'),
    (("x", "a dictionary", 1), 'The "x" argument must be a dictionary. Received type number (1)'),
    (("x", ["a", "b"], 1), 'The "x" argument must be one of a or b. Received type number (1)'),
    (("data", ["string", "string[]"], 5),
     'The "data" argument must be of type string or string[]. Received type number (5)'),
    (("x", "number", "it's \"q\"\n"),
     'The "x" argument must be of type number. Received type string ("it\'s \\"q\\"\\n")'),
])
def test_invalid_arg_type_message(args: tuple[Any, ...], message: str) -> None:
    assert invalid_arg_type(*args).message == message


@pytest.mark.parametrize(("value", "received"), [
    (None, "null"), (True, "type boolean (true)"), (-0.0, "type number (-0)"),
    (2**60, "type number (1152921504606847000)"), ("a" * 30, "type string ('aaaaaaaaaaaaaaaaaaaaaaaaa...')"),
    ("\U0001f600" * 20, "type string ('" + "\U0001f600" * 12 + "\ud83d...')"),
    (b"x", "an instance of Buffer"), ({}, "an instance of Object"), ([], "an instance of Array"),
    (named("f"), "function f"),
])
def test_determine_specific_type(value: Any, received: str) -> None:
    assert determine_specific_type(value) == received


@pytest.mark.parametrize(("value", "expected"), [
    (None, "null"), (True, "true"), (-0.0, "-0"), (1.5, "1.5"), (NAN, "NaN"),
    ("abc", "'abc'"), ("it's", '"it\'s"'), ("it's \"x\"", "`it's \"x\"`"),
    ("it's \"x\" `y`", "'it\\'s \"x\" `y`'"), ("a\nb\\", "'a\\nb\\\\'"),
    ("x\u0001\u007f\u0085", "'x\\x01\\x7F\\x85'"), ("\ud800", "'\\ud800'"),
    ([], "[]"), ({}, "{}"), ([1, "a", None, True], "[ 1, 'a', null, true ]"),
    ({"a b": 1, "c": [1]}, "{ 'a b': 1, c: [ 1 ] }"), ({"1": 2, "_x": 4}, "{ '1': 2, _x: 4 }"),
    ({"a": {"b": {"c": {"d": 1}}}}, "{ a: { b: { c: [Object] } } }"), ([[[[1]]]], "[ [ [ [Array] ] ] ]"),
    ({"a": "x" * 50, "b": "y" * 50}, "{\n  a: '" + "x" * 50 + "',\n  b: '" + "y" * 50 + "'\n}"),
    (b"abc", "<Buffer 61 62 63>"), (named("f"), "[Function: f]"), (lambda: 0, "[Function (anonymous)]"),
    (dict, "[class dict]"),
])
def test_inspect(value: Any, expected: str) -> None:
    assert inspect(value) == expected


def test_inspect_splits_long_multiline_strings() -> None:
    assert inspect("a\n" * 40) == " +\n  ".join(["'a\\n'"] * 40)


def test_invalid_arg_value_truncates_long_inspection() -> None:
    msg = invalid_arg_value("x", "x" * 200).message
    assert msg == "The argument 'x' is invalid. Received '" + "x" * 127 + "..."


def test_out_of_range_received_formatting() -> None:
    assert out_of_range("x", ">= 0", 2**32).message.endswith("Received 4294967296")
    assert out_of_range("x", ">= 0", 2**32 + 1).message.endswith("Received 4_294_967_297")
    assert out_of_range("x", ">= 0", -(2**33)).message.endswith("Received -8_589_934_592")
    assert out_of_range("x", ">= 0", 1e21).message.endswith("Received 1e_+21")  # Node does this
    assert out_of_range("x", ">= 0", "s").message.endswith("Received 's'")
    assert out_of_range("Custom.", "sane", 5, True).message == "Custom. It must be sane. Received 5"
