"""Unit tests for pynet._js.number: ``String(number)`` and where pynet shows numbers.

:data:`TABLE` holds what Node v20 prints for ``String(x)``;
tests/interop/test_number_node.py runs ``node`` on the same values and checks
the table (and pynet) against it.
"""

from __future__ import annotations

import math
import warnings

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pynet import errors
from pynet._core.loop import Loop
from pynet._js.inspect import format_s
from pynet._js.number import is_integer, number_to_string, to_double, to_uint32
from pynet._js.validators import invalid_arg_type, out_of_range
from pynet._js.value import to_string, truthy
from pynet.events import EventEmitter
from pynet.timers import TimeoutOverflowWarning, clearTimeout, setInterval, setTimeout

NAN = math.nan
INF = math.inf

#: (value, String(value) in Node v20).  Python ints stand for the double JavaScript
#: would hold (2 ** 53 + 1 is 9007199254740992 there).
TABLE: list[tuple[int | float, str]] = [
    # integers and zeros
    (0, "0"), (-0.0, "0"), (0.0, "0"), (1, "1"), (-1, "-1"), (100.0, "100"),
    (123456789, "123456789"), (2**31 - 1, "2147483647"), (2**32, "4294967296"),
    (2**53 - 1, "9007199254740991"), (-(2**53 - 1), "-9007199254740991"),
    (2**53, "9007199254740992"), (2**53 + 1, "9007199254740992"),
    (2**60, "1152921504606847000"), (-(2**63), "-9223372036854776000"),
    (12345678901234567890, "12345678901234567000"), (1e16, "10000000000000000"),
    (1e20, "100000000000000000000"), (10**20, "100000000000000000000"),
    # the 1e21 threshold
    (999999999999999900000.0, "999999999999999900000"), (1e21, "1e+21"), (10**21, "1e+21"),
    (-1e21, "-1e+21"), (1.5e21, "1.5e+21"), (1.2345e22, "1.2345e+22"), (1e100, "1e+100"),
    (1.23e100, "1.23e+100"), (-2.5e300, "-2.5e+300"),
    (1.7976931348623157e308, "1.7976931348623157e+308"), (2**1100, "Infinity"),
    # the 1e-7 threshold
    (1e-6, "0.000001"), (1.5e-6, "0.0000015"), (0.000001234, "0.000001234"),
    (1e-7, "1e-7"), (1.5e-7, "1.5e-7"), (9.99e-8, "9.99e-8"), (5e-7, "5e-7"),
    (2.5e-7, "2.5e-7"), (-1e-7, "-1e-7"), (9.99e-7, "9.99e-7"), (1.192092896e-7, "1.192092896e-7"),
    (1.23e-20, "1.23e-20"), (5e-324, "5e-324"),
    (2.2250738585072014e-308, "2.2250738585072014e-308"),
    # shortest round-trip digits
    (0.1, "0.1"), (0.2, "0.2"), (0.1 + 0.2, "0.30000000000000004"), (1 / 3, "0.3333333333333333"),
    (2 / 3, "0.6666666666666666"), (-1 / 3, "-0.3333333333333333"), (4.35, "4.35"),
    (1.005, "1.005"), (123.456, "123.456"), (0.000123, "0.000123"), (1.5, "1.5"),
    (4294967295.5, "4294967295.5"), (9007199254740993.0, "9007199254740992"),
    (123456789012345680.0, "123456789012345680"), (1.0000000000000002, "1.0000000000000002"),
    (0.1 * 3, "0.30000000000000004"), (100 / 3, "33.333333333333336"),
    # not finite
    (NAN, "NaN"), (INF, "Infinity"), (-INF, "-Infinity"),
]


@pytest.mark.parametrize(("value", "expected"), TABLE)
def test_number_to_string_table(value: float, expected: str) -> None:
    assert number_to_string(value) == expected
    assert to_string(value) == expected


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_number_to_string_round_trips(x: float) -> None:
    assert float(number_to_string(x)) == x


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_number_to_string_layout(x: float) -> None:
    text = number_to_string(x)
    if x == 0 or 1e-6 <= abs(x) < 1e21:  # JavaScript's plain-decimal range
        assert "e" not in text
    else:
        assert "e" in text and "e+" in text if abs(x) >= 1 else "e-" in text


def test_ints_are_shown_as_the_double_javascript_holds() -> None:
    assert number_to_string(2**53 + 1) == number_to_string(float(2**53))
    assert to_double(2**2000) == INF and to_double(-(2**2000)) == -INF
    assert is_integer(2**2000) and not is_integer(INF) and not is_integer(True)


#: (value, value >>> 0 in Node v20).
UINT32: list[tuple[int | float, int]] = [
    (0, 0), (-0.0, 0), (1, 1), (-1, 4294967295), (1.9, 1), (-1.9, 4294967295),
    (2**32, 0), (2**32 + 5, 5), (4294967295.5, 4294967295), (-(2**31), 2147483648),
    (1e21, 3735027712), (NAN, 0), (INF, 0), (-INF, 0),
]


@pytest.mark.parametrize(("value", "expected"), UINT32)
def test_to_uint32(value: float, expected: int) -> None:
    assert to_uint32(value) == expected


# --- every message that shows a number uses the same rule --------------------------

def test_timer_overflow_warning_prints_1e21(fake_loop: Loop) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        timer = setTimeout(lambda: None, 1e21)
        clearTimeout(timer)
        timer = setInterval(lambda: None, 2**31 + 0.5)
        clearTimeout(timer)
    messages = [str(w.message) for w in caught if issubclass(w.category, TimeoutOverflowWarning)]
    assert messages == [
        "1e+21 does not fit into a 32-bit signed integer.\nTimeout duration was set to 1.",
        "2147483648.5 does not fit into a 32-bit signed integer.\n"
        "Timeout duration was set to 1.",
    ]


def test_timer_delay_is_javascripts_number(fake_loop: Loop) -> None:
    # `after *= 1`: '0x10' is 16 ms and 'Infinity' overflows, as in Node.
    fired: list[float] = []
    setTimeout(lambda: fired.append(fake_loop.now()), "0x14")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        clearTimeout(setTimeout(lambda: None, " Infinity "))
        clearTimeout(setTimeout(lambda: None, "inf"))  # NaN in JavaScript: no warning
    assert [str(w.message).split(" ")[0] for w in caught] == ["Infinity"]
    start = fake_loop.now()
    fake_loop.run()
    assert fired and fired[0] - start == pytest.approx(20)


def test_error_messages_show_javascript_numbers() -> None:
    assert str(invalid_arg_type("x", "string", 1e21)).endswith(
        "Received type number (1e+21)")
    assert str(invalid_arg_type("x", "string", 1e-7)).endswith(
        "Received type number (1e-7)")
    assert str(out_of_range("x", ">= 0", 1e-7)).endswith("Received 1e-7")


def test_max_listeners_warning_shows_javascript_numbers() -> None:
    emitter = EventEmitter()
    emitter.setMaxListeners(1.5)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        emitter.on("x", lambda: None)
        emitter.on("x", lambda: None)
    assert any("MaxListeners is 1.5." in str(w.message) for w in caught)


# --- Boolean(value) and String(value) -------------------------------------------

@pytest.mark.parametrize(("value", "expected"), [
    (None, False), (False, False), (0, False), (-0.0, False), (NAN, False), ("", False),
    (True, True), (1, True), (-1, True), (INF, True), ("0", True), (" ", True), ("false", True),
    ({}, True), ([], True), (b"", True), (object(), True), (lambda: None, True),
])
def test_truthy(value: object, expected: bool) -> None:
    assert truthy(value) is expected


@pytest.mark.parametrize(("value", "expected"), [
    (None, "null"), (True, "true"), (False, "false"), ("x", "x"), (-0.0, "0"), (1e21, "1e+21"),
    ([1, [2, None], None], "1,2,,"), ([], ""), ((1.5, "a"), "1.5,a"), ({}, "[object Object]"),
    ({"a": 1}, "[object Object]"), (b"1.2.3.4", "1.2.3.4"), (b"\xffA", "\ufffdA"),
    (bytearray(b"ab"), "ab"),
])
def test_to_string(value: object, expected: str) -> None:
    assert to_string(value) == expected


def test_to_string_of_a_cyclic_array_is_finite() -> None:
    cycle: list[object] = [1]
    cycle.append(cycle)
    assert to_string(cycle) == "1,"


def test_one_of_lists_choices_as_strings() -> None:
    from pynet._js.validators import validate_one_of

    with pytest.raises(errors.ERR_INVALID_ARG_VALUE) as info:
        validate_one_of(3, "x", ["a", None, True, 1e21, 0.5])
    assert str(info.value) == ("The argument 'x' must be one of: 'a', null, true, 1e+21, 0.5. "
                               "Received 3")


#: (value, util.format('%s', value) in Node v20).
FORMAT_S: list[tuple[object, str]] = [
    (-0.0, "-0"), (0, "0"), (1e21, "1e+21"), (1.5, "1.5"), (None, "null"), (True, "true"),
    ("str", "str"), ({"a": {"b": {"c": 1}}}, "{ a: [Object] }"), ([1, [2, [3]]], "[ 1, [Array] ]"),
    ([], "[]"), ({}, "{}"), ([1, 2], "[ 1, 2 ]"),
]


@pytest.mark.parametrize(("value", "expected"), FORMAT_S)
def test_format_s(value: object, expected: str) -> None:
    assert format_s(value) == expected


def test_buffer_format_s_is_its_text() -> None:
    assert format_s(b"ab") == "ab"


@pytest.mark.parametrize(("encoding", "shown"), [
    (123, "123"), (True, "true"), (1e21, "1e+21"), ({}, "{}"), ([1, 2], "[ 1, 2 ]"),
    ("bogus", "bogus"),
])
def test_unknown_encoding_shows_the_value_as_node(loop: Loop, encoding: object,
                                                  shown: str) -> None:
    from pynet import net

    sock = net.Socket()
    try:
        with pytest.raises(errors.ERR_UNKNOWN_ENCODING) as info:
            sock.setEncoding(encoding)  # type: ignore[arg-type]
        assert str(info.value) == f"Unknown encoding: {shown}"
        with pytest.raises(errors.ERR_UNKNOWN_ENCODING) as info:
            sock.write("x", encoding)
        assert str(info.value) == f"Unknown encoding: {shown}"
    finally:
        sock.destroy()
        loop.run()
