"""Node's argument validators, with Node's exact error messages.

Mirrors ``lib/internal/validators.js`` (``validatePort``, ``validateNumber``,
``validateInteger``, ``validateInt32``, ``validateUint32``, ``validateString``,
``validateBoolean``, ``validateFunction``, ``validateObject``,
``validateOneOf``), the message builders of ``lib/internal/errors.js``
(``ERR_INVALID_ARG_TYPE``, ``ERR_INVALID_ARG_VALUE``, ``ERR_OUT_OF_RANGE``,
``ERR_SOCKET_BAD_PORT``, ``determineSpecificType``, ``addNumericalSeparator``,
``formatList``), ``getTimerDuration`` of ``lib/internal/timers.js``, and
``isPipeName`` of ``lib/net.js``.  Names are snake_case because this module is
internal; the public API stays camelCase (mapping §2).

Numbers are shown and parsed by :mod:`pynet._js.number` (``String(n)``,
``Number(s)``), values by :mod:`pynet._js.inspect` (``util.inspect``); this
module only words the errors and checks the arguments.

Invariants:

* A *number* is an ``int`` or ``float`` that is not a ``bool`` (mapping §3:
  ``True`` is not a port).  ``None`` plays JavaScript's ``null`` in messages
  (``Received null``) and means "omitted" wherever Node has a default.
* Every validator raises the ``pynet.errors`` class named after Node's code,
  with Node's message word for word, and otherwise returns the (normalised)
  value, so call sites can write ``port = validate_port(port)``.
"""

from __future__ import annotations

import math
import re
import warnings
from collections.abc import Callable, Iterable
from typing import Any

from pynet import errors
from pynet._js.inspect import inspect, utf16_len
from pynet._js.mypyc import mypyc_attr
from pynet._js.number import (
    MAX_SAFE_INTEGER,
    MIN_SAFE_INTEGER,
    is_integer,
    is_number,
    js_trim,
    number_to_string,
    to_number,
)
from pynet._js.value import to_string
from pynet.errors import NodeError

__all__ = [
    "TIMEOUT_MAX",
    "TimeoutOverflowWarning",
    "determine_specific_type",
    "get_timer_duration",
    "invalid_arg_type",
    "invalid_arg_value",
    "is_pipe_name",
    "out_of_range",
    "socket_bad_port",
    "validate_boolean",
    "validate_function",
    "validate_int32",
    "validate_integer",
    "validate_number",
    "validate_object",
    "validate_one_of",
    "validate_port",
    "validate_string",
    "validate_uint32",
]

#: Node's ``TIMEOUT_MAX`` (``lib/internal/timers.js``): 2 ** 31 - 1.
TIMEOUT_MAX = 2**31 - 1


def is_pipe_name(value: object) -> bool:
    """``isPipeName`` of ``lib/net.js``: a string that is not ``Number(s) >= 0``.

    ``'abc'``, ``'/tmp/x.sock'``, ``'-1'`` are pipe paths; ``'8080'``,
    ``' 80 '`` and ``''`` are ports (``''`` then fails port validation).
    """
    return isinstance(value, str) and not to_number(value) >= 0


def _add_numerical_separator(text: str) -> str:
    """``addNumericalSeparator`` of ``lib/internal/errors.js``."""
    res = ""
    i = len(text)
    start = 1 if text[:1] == "-" else 0
    while i >= start + 4:
        res = f"_{text[i - 3:i]}{res}"
        i -= 3
    return f"{text[:i]}{res}"


def determine_specific_type(value: object) -> str:
    """``determineSpecificType`` of ``lib/internal/errors.js`` (without ``Received``)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"type boolean ({'true' if value else 'false'})"
    if is_number(value):
        if isinstance(value, float) and value == 0 and math.copysign(1.0, value) < 0:
            return "type number (-0)"
        return f"type number ({number_to_string(value)})"  # type: ignore[arg-type]
    if isinstance(value, str):
        if utf16_len(value) > 28:
            value = _utf16_slice(value, 25) + "..."
        if "'" not in value:
            return f"type string ('{value}')"
        return f"type string ({_json_string(value)})"
    if getattr(type(value), "__node_inspect__", None) is not None:
        return f"an instance of {type(value).__name__}"
    if callable(value):
        name = getattr(value, "__name__", "")
        return f"function {name if name != '<lambda>' else ''}"
    if isinstance(value, (bytes, bytearray, memoryview)):
        return "an instance of Buffer"
    if isinstance(value, (list, tuple)):
        return "an instance of Array"
    if isinstance(value, dict):
        return "an instance of Object"
    return f"an instance of {type(value).__name__}"


def _utf16_slice(text: str, units: int) -> str:
    out: list[str] = []
    count = 0
    for ch in text:
        width = 2 if ord(ch) > 0xFFFF else 1
        if count + width > units:
            if count < units:  # JavaScript keeps the high surrogate alone
                out.append(chr(0xD800 + ((ord(ch) - 0x10000) >> 10)))
            break
        out.append(ch)
        count += width
    return "".join(out)


def _json_string(text: str) -> str:
    """``JSON.stringify`` of a string (well-formed: lone surrogates escaped)."""
    out = ['"']
    for ch in text:
        point = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch in "\b\f\n\r\t":
            out.append({"\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"}[ch])
        elif point < 0x20 or 0xD800 <= point <= 0xDFFF:
            out.append(f"\\u{point:04x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


# --- error builders ---------------------------------------------------------------

_K_TYPES = ("string", "function", "number", "object", "Function", "Object", "boolean",
            "bigint", "symbol")
_CLASS_RE = re.compile(r"[A-Z][a-zA-Z0-9]*\Z")


def _format_list(items: list[str], word: str = "and") -> str:
    """``formatList`` of ``lib/internal/errors.js``."""
    if len(items) < 3:
        return f" {word} ".join(items)
    return f"{', '.join(items[:-1])}, {word} {items[-1]}"


def invalid_arg_type(name: str, expected: str | Iterable[str], actual: object) -> NodeError:
    """Build ``ERR_INVALID_ARG_TYPE`` exactly as Node words it."""
    wanted = [expected] if isinstance(expected, str) else list(expected)
    if name.endswith(" argument"):
        msg = f"The {name} "
    else:
        msg = f'The "{name}" {"property" if "." in name else "argument"} '
    msg += "must be "
    types: list[str] = []
    instances: list[str] = []
    other: list[str] = []
    for item in wanted:
        if item in _K_TYPES:
            types.append(item.lower())
        elif _CLASS_RE.match(item):
            instances.append(item)
        else:
            other.append(item)
    if instances and "object" in types:
        types.remove("object")
        instances.append("Object")
    if types:
        msg += f"{'one of type' if len(types) > 1 else 'of type'} {_format_list(types, 'or')}"
        if instances or other:
            msg += " or "
    if instances:
        msg += f"an instance of {_format_list(instances, 'or')}"
        if other:
            msg += " or "
    if other:
        if len(other) > 1:
            msg += f"one of {_format_list(other, 'or')}"
        else:
            if other[0].lower() != other[0]:
                msg += "an "
            msg += other[0]
    msg += f". Received {determine_specific_type(actual)}"
    return errors.ERR_INVALID_ARG_TYPE(msg)


def invalid_arg_value(name: str, value: object, reason: str = "is invalid") -> NodeError:
    """Build ``ERR_INVALID_ARG_VALUE`` (a ``TypeError``) exactly as Node words it."""
    inspected = inspect(value)
    if len(inspected) > 128:
        inspected = inspected[:128] + "..."
    kind = "property" if "." in name else "argument"
    return errors.ERR_INVALID_ARG_VALUE(f"The {kind} '{name}' {reason}. Received {inspected}")


def out_of_range(name: str, range_text: str, value: object,
                 replace_default_boolean: bool = False) -> NodeError:
    """Build ``ERR_OUT_OF_RANGE`` (a ``RangeError``) exactly as Node words it."""
    msg = name if replace_default_boolean else f'The value of "{name}" is out of range.'
    if is_integer(value) and abs(value) > 2**32:  # type: ignore[arg-type]
        received = _add_numerical_separator(number_to_string(value))  # type: ignore[arg-type]
    else:
        received = inspect(value)
    return errors.ERR_OUT_OF_RANGE(f"{msg} It must be {range_text}. Received {received}")


def socket_bad_port(name: str, port: object, allow_zero: bool = True) -> NodeError:
    """Build ``ERR_SOCKET_BAD_PORT`` exactly as Node words it."""
    operator = ">=" if allow_zero else ">"
    return errors.ERR_SOCKET_BAD_PORT(
        f"{name} should be {operator} 0 and < 65536. "
        f"Received {determine_specific_type(port)}."
    )


# --- validators -------------------------------------------------------------------

def validate_port(value: object, name: str = "Port", allow_zero: bool = True) -> int:
    """``validatePort``: a number, or a string that is one, in ``[0, 65536)``.

    Returns the port as an ``int`` (``port | 0``).  Strings go through
    ``Number()``: ``' 80 '``, ``'0x50'``, ``'1e2'`` and ``'80.0'`` are valid; a
    blank string is not.  As in Node, ``allow_zero=False`` only refuses the
    *number* ``0``: the string ``'0'`` passes.
    """
    if isinstance(value, str):
        if not js_trim(value):
            raise socket_bad_port(name, value, allow_zero)
        number = to_number(value)
    elif is_number(value):
        if isinstance(value, int):
            if not 0 <= value <= 0xFFFF or (value == 0 and not allow_zero):
                raise socket_bad_port(name, value, allow_zero)
            return value
        number = float(value)  # type: ignore[arg-type]
        if number == 0 and not allow_zero:
            raise socket_bad_port(name, value, allow_zero)
    else:
        raise socket_bad_port(name, value, allow_zero)
    if not (math.isfinite(number) and number.is_integer() and 0 <= number <= 0xFFFF):
        raise socket_bad_port(name, value, allow_zero)
    return int(number)


def validate_number(value: object, name: str, min: float | None = None,  # noqa: A002
                    max: float | None = None) -> float:  # noqa: A002
    """``validateNumber``: a number, optionally within ``[min, max]`` (NaN refused then)."""
    if not is_number(value):
        raise invalid_arg_type(name, "number", value)
    number: float = value  # type: ignore[assignment]
    if ((min is not None and number < min) or (max is not None and number > max)
            or ((min is not None or max is not None) and math.isnan(number))):
        text = (f"{'>= ' + number_to_string(min) if min is not None else ''}"
                f"{' && ' if min is not None and max is not None else ''}"
                f"{'<= ' + number_to_string(max) if max is not None else ''}")
        raise out_of_range(name, text, value)
    return number


def _validate_integer_in(value: object, name: str, low: int, high: int) -> int:
    if not is_number(value):
        raise invalid_arg_type(name, "number", value)
    if not is_integer(value):
        raise out_of_range(name, "an integer", value)
    if value < low or value > high:  # type: ignore[operator]
        raise out_of_range(name, f">= {low} && <= {high}", value)
    return int(value)  # type: ignore[call-overload,no-any-return]


def validate_integer(value: object, name: str, min: int = MIN_SAFE_INTEGER,  # noqa: A002
                     max: int = MAX_SAFE_INTEGER) -> int:  # noqa: A002
    """``validateInteger``: an integral number within ``[min, max]``; returns an ``int``."""
    return _validate_integer_in(value, name, min, max)


def validate_int32(value: object, name: str, min: int = -(2**31),  # noqa: A002
                   max: int = 2**31 - 1) -> int:  # noqa: A002
    """``validateInt32``: an integral number within ``[min, max]``; returns an ``int``."""
    return _validate_integer_in(value, name, min, max)


def validate_uint32(value: object, name: str, positive: bool = False) -> int:
    """``validateUint32``: an integer in ``[0 or 1, 4294967295]``; returns an ``int``."""
    return _validate_integer_in(value, name, 1 if positive else 0, 4_294_967_295)


def validate_string(value: object, name: str) -> str:
    """``validateString``."""
    if not isinstance(value, str):
        raise invalid_arg_type(name, "string", value)
    return value


def validate_boolean(value: object, name: str) -> bool:
    """``validateBoolean``: ``True`` or ``False`` only (``1`` is refused)."""
    if not isinstance(value, bool):
        raise invalid_arg_type(name, "boolean", value)
    return value


def validate_function(value: object, name: str) -> Callable[..., Any]:
    """``validateFunction``: any callable."""
    if not callable(value):
        raise invalid_arg_type(name, "Function", value)
    return value


def _is_js_object(value: object) -> bool:
    return not (value is None or isinstance(value, (str, int, float, bool)))


def validate_object(value: object, name: str, *, allow_nullable: bool = False,
                    allow_array: bool = False, allow_function: bool = False) -> object:
    """``validateObject`` (the three ``kValidateObjectAllow*`` flags as keywords).

    A JavaScript *object* is anything but ``None``, ``str``, numbers and
    booleans; ``list``/``tuple`` are arrays and callables are functions, both
    refused unless allowed.  With ``allow_nullable`` ``None`` passes.
    """
    if value is None:
        if allow_nullable:
            return value
        raise invalid_arg_type(name, "Object", value)
    if isinstance(value, (list, tuple)) and not allow_array:
        raise invalid_arg_type(name, "Object", value)
    if not _is_js_object(value) or (callable(value) and not allow_function):
        raise invalid_arg_type(name, "Object", value)
    return value


def _same_value_zero(a: object, b: object) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if is_number(a) and is_number(b):
        fa, fb = float(a), float(b)  # type: ignore[arg-type]
        return fa == fb or (math.isnan(fa) and math.isnan(fb))
    if is_number(a) or is_number(b):
        return False
    if isinstance(a, str) or isinstance(b, str):
        return isinstance(a, str) and isinstance(b, str) and a == b
    return a is b


def validate_one_of(value: object, name: str, one_of: Iterable[object]) -> object:
    """``validateOneOf``: ``value`` is one of ``one_of`` (``SameValueZero``, so ``True != 1``)."""
    choices = list(one_of)
    if not any(_same_value_zero(value, choice) for choice in choices):
        allowed = ", ".join(
            f"'{c}'" if isinstance(c, str) else to_string(c) for c in choices
        )
        raise invalid_arg_value(name, value, "must be one of: " + allowed)
    return value


@mypyc_attr(native_class=False)
class TimeoutOverflowWarning(RuntimeWarning):
    """Node's ``TimeoutOverflowWarning`` (a duration above ``TIMEOUT_MAX``)."""


def get_timer_duration(msecs: object, name: str) -> float:
    """``getTimerDuration`` of ``lib/internal/timers.js``.

    A non-negative finite number; a value above ``TIMEOUT_MAX`` warns with
    :class:`TimeoutOverflowWarning` and is truncated to ``TIMEOUT_MAX``.
    """
    number = validate_number(msecs, name)
    if number < 0 or not math.isfinite(number):
        raise out_of_range(name, "a non-negative finite number", msecs)
    if number > TIMEOUT_MAX:
        warnings.warn(
            f"{number_to_string(number)} does not fit into a 32-bit signed integer."
            f"\nTimer duration was truncated to {TIMEOUT_MAX}.",
            TimeoutOverflowWarning,
            stacklevel=3,
        )
        return TIMEOUT_MAX
    return number
