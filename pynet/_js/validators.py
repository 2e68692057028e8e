"""Node's argument validators, with Node's exact error messages.

Mirrors ``lib/internal/validators.js`` (``validatePort``, ``validateNumber``,
``validateInteger``, ``validateInt32``, ``validateUint32``, ``validateString``,
``validateBoolean``, ``validateFunction``, ``validateObject``,
``validateOneOf``), the message builders of ``lib/internal/errors.js``
(``ERR_INVALID_ARG_TYPE``, ``ERR_INVALID_ARG_VALUE``, ``ERR_OUT_OF_RANGE``,
``ERR_SOCKET_BAD_PORT``, ``determineSpecificType``, ``addNumericalSeparator``,
``formatList``), ``getTimerDuration`` of ``lib/internal/timers.js``, and
``toNumber``/``isPipeName`` of ``lib/net.js``.  Names are snake_case because
this module is internal; the public API stays camelCase (mapping §2).

Invariants:

* A *number* is an ``int`` or ``float`` that is not a ``bool`` (mapping §3:
  ``True`` is not a port).  ``None`` plays JavaScript's ``null`` in messages
  (``Received null``) and means "omitted" wherever Node has a default.
* Every validator raises the ``pynet.errors`` class named after Node's code,
  with Node's message word for word, and otherwise returns the (normalised)
  value, so call sites can write ``port = validate_port(port)``.
* :func:`to_number` is JavaScript's ``Number(x)``: it never raises and returns
  ``nan`` where JavaScript gives ``NaN``.  JavaScript's whitespace set and
  numeric-literal grammar are used, not Python's (``float('1_0')`` and
  ``float('inf')`` are numbers in Python, ``NaN`` in JavaScript).
* :func:`inspect` is a small ``util.inspect``: exact for primitives (string
  quoting and escaping included), faithful for flat dicts/lists, approximate
  for deep or wide structures (no array grouping).  Objects may define
  ``__node_inspect__() -> str`` to print as Node prints them.
"""

from __future__ import annotations

import math
import re
import warnings
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from pynet import errors
from pynet.errors import NodeError

__all__ = [
    "MAX_SAFE_INTEGER",
    "MIN_SAFE_INTEGER",
    "TIMEOUT_MAX",
    "TimeoutOverflowWarning",
    "determine_specific_type",
    "get_timer_duration",
    "inspect",
    "invalid_arg_type",
    "invalid_arg_value",
    "is_int32",
    "is_number",
    "is_pipe_name",
    "is_uint32",
    "js_number_to_string",
    "js_trim",
    "out_of_range",
    "socket_bad_port",
    "to_number",
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

MAX_SAFE_INTEGER = 2**53 - 1
MIN_SAFE_INTEGER = -(2**53 - 1)
#: Node's ``TIMEOUT_MAX`` (``lib/internal/timers.js``): 2 ** 31 - 1.
TIMEOUT_MAX = 2**31 - 1

# --- JavaScript numbers ---------------------------------------------------------

# ECMAScript WhiteSpace + LineTerminator (what String.prototype.trim and
# Number() strip): TAB VT FF SP NBSP ZWNBSP, the Zs category, LF CR LS PS.
_JS_WHITESPACE = (
    "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
)
_DECIMAL_LITERAL = re.compile(
    r"[+-]?(?:Infinity|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)\Z"
)
_NON_DECIMAL = {"x": (16, re.compile(r"[0-9a-fA-F]+\Z")),
                "o": (8, re.compile(r"[0-7]+\Z")),
                "b": (2, re.compile(r"[01]+\Z"))}


def is_number(value: object) -> bool:
    """``typeof value === 'number'``: an ``int`` or ``float``, never a ``bool``."""
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _is_integer(value: object) -> bool:
    """``Number.isInteger``."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return True
    return isinstance(value, float) and math.isfinite(value) and value.is_integer()


def js_trim(text: str) -> str:
    """``String.prototype.trim`` (JavaScript's whitespace set, not Python's)."""
    return text.strip(_JS_WHITESPACE)


def _int_to_float(value: int) -> float:
    try:
        return float(value)
    except OverflowError:
        return math.inf if value > 0 else -math.inf


def to_number(value: object) -> float:
    """JavaScript's ``Number(value)`` for ``str``, ``int``, ``float``, ``bool``, ``None``.

    ``None`` is taken as ``null`` (``Number(null) === 0``).  Strings follow
    ECMAScript's StringToNumber: surrounding JS whitespace is ignored, ``''``
    is ``0``, ``0x``/``0o``/``0b`` prefixes are allowed (unsigned only),
    ``Infinity`` is allowed, anything else (``'1_0'``, ``'inf'``, Arabic-Indic digits) is
    ``nan``.  Other types give ``nan``.
    """
    if value is None:
        return 0.0
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, int):
        return _int_to_float(value)
    if isinstance(value, float):
        return value
    if not isinstance(value, str):
        return math.nan
    text = js_trim(value)
    if not text:
        return 0.0
    if len(text) > 2 and text[0] == "0" and text[1] in "xXoObB":
        base, digits = _NON_DECIMAL[text[1].lower()]
        if digits.match(text, 2):
            return _int_to_float(int(text[2:], base))
        return math.nan
    if _DECIMAL_LITERAL.match(text):
        return float(text.replace("Infinity", "inf"))
    return math.nan


def is_pipe_name(value: object) -> bool:
    """``isPipeName`` of ``lib/net.js``: a string that is not ``Number(s) >= 0``.

    ``'abc'``, ``'/tmp/x.sock'``, ``'-1'`` are pipe paths; ``'8080'``,
    ``' 80 '`` and ``''`` are ports (``''`` then fails port validation).
    """
    return isinstance(value, str) and not to_number(value) >= 0


def is_int32(value: object) -> bool:
    """``isInt32``: ``value === (value | 0)``."""
    return _is_integer(value) and -(2**31) <= value <= 2**31 - 1  # type: ignore[operator]


def is_uint32(value: object) -> bool:
    """``isUint32``: ``value === (value >>> 0)``."""
    return _is_integer(value) and 0 <= value <= 2**32 - 1  # type: ignore[operator]


def js_number_to_string(value: float) -> str:
    """``String(number)`` (ECMAScript Number::toString, radix 10).

    Python ints beyond 2 ** 53 are first rounded to a double, as JavaScript
    would hold them.
    """
    if isinstance(value, int) and not isinstance(value, bool):
        if abs(value) <= MAX_SAFE_INTEGER:
            return str(value)
        value = _int_to_float(value)
    x = float(value)
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    if x == 0:
        return "0"
    sign = "-" if x < 0 else ""
    # repr() gives the shortest round-tripping digits, as JavaScript does.
    mantissa, _, exp_text = repr(abs(x)).partition("e")
    int_part, _, frac_part = mantissa.partition(".")
    digits = (int_part + frac_part).lstrip("0")
    leading = len(int_part + frac_part) - len((int_part + frac_part).lstrip("0"))
    # value = 0.digits * 10 ** n
    n = len(int_part) - leading + (int(exp_text) if exp_text else 0)
    digits = digits.rstrip("0") or "0"
    k = len(digits)
    if k <= n <= 21:
        text = digits + "0" * (n - k)
    elif 0 < n <= 21:
        text = digits[:n] + "." + digits[n:]
    elif -6 < n <= 0:
        text = "0." + "0" * (-n) + digits
    else:
        e = n - 1
        exp = f"e{'+' if e >= 0 else '-'}{abs(e)}"
        text = digits + exp if k == 1 else digits[0] + "." + digits[1:] + exp
    return sign + text


def _add_numerical_separator(text: str) -> str:
    """``addNumericalSeparator`` of ``lib/internal/errors.js``."""
    res = ""
    i = len(text)
    start = 1 if text[:1] == "-" else 0
    while i >= start + 4:
        res = f"_{text[i - 3:i]}{res}"
        i -= 3
    return f"{text[:i]}{res}"


# --- util.inspect (the parts error messages need) --------------------------------

_META = {i: f"\\x{i:02X}" for i in [*range(0x20), *range(0x7F, 0xA0)]}
_META.update({8: "\\b", 9: "\\t", 10: "\\n", 12: "\\f", 13: "\\r", 39: "\\'", 92: "\\\\"})
_KEY_RE = re.compile(r"[a-zA-Z_][a-zA-Z_0-9]*\Z")


def _utf16_len(text: str) -> int:
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def _str_escape(text: str) -> str:
    """``strEscape`` of ``lib/internal/util/inspect.js``: quote and escape."""
    quote = "'"
    if "'" in text:
        if '"' not in text:
            quote = '"'
        elif "`" not in text and "${" not in text:
            quote = "`"
    out: list[str] = []
    for ch in text:
        point = ord(ch)
        if (point == 39 and quote == "'") or point == 92 or point < 32 or 126 < point < 160:
            out.append(_META[point])
        elif 0xD800 <= point <= 0xDFFF:  # a lone surrogate
            out.append(f"\\u{point:x}")
        else:
            out.append(ch)
    return f"{quote}{''.join(out)}{quote}"


def _inspect_string(text: str, indentation: int = 0) -> str:
    # Long strings are shown one line per '\n' (formatPrimitive, breakLength 80).
    if _utf16_len(text) > 16 and _utf16_len(text) > 80 - indentation - 4:
        lines = re.split(r"(?<=\n)", text)
        lines = [line for line in lines if line] or [""]
        if len(lines) > 1:
            return f" +\n{' ' * (indentation + 2)}".join(_str_escape(x) for x in lines)
    return _str_escape(text)


def _function_name(value: Callable[..., Any]) -> str:
    name = getattr(value, "__name__", "")
    return "" if name == "<lambda>" else str(name)


def inspect(value: object, *, depth: int = 2) -> str:
    """A small ``util.inspect(value)`` (default options, no colours).

    Exact for ``None`` (``null``), booleans, numbers (``-0`` included) and
    strings; ``dict``/``Mapping`` print as objects, ``list``/``tuple`` as
    arrays, ``bytes`` as ``<Buffer ..>``, callables as ``[Function: f]``.
    """
    return _inspect(value, depth, 0, set())


def _inspect(value: object, depth: int, level: int, seen: set[int]) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value == 0 and math.copysign(1.0, value) < 0:
        return "-0"
    if is_number(value):
        return js_number_to_string(value)  # type: ignore[arg-type]
    if isinstance(value, str):
        return _inspect_string(value, level * 2)
    hook = getattr(type(value), "__node_inspect__", None)
    if hook is not None:
        return str(hook(value))
    if isinstance(value, (bytes, bytearray, memoryview)):
        data = bytes(value)
        shown = " ".join(f"{b:02x}" for b in data[:50])
        more = f" ... {len(data) - 50} more byte{'s' if len(data) > 51 else ''}" \
            if len(data) > 50 else ""
        return f"<Buffer{' ' if shown else ''}{shown}{more}>"
    if isinstance(value, type):
        return f"[class {value.__name__}]"
    if callable(value):
        name = _function_name(value)
        return f"[Function: {name}]" if name else "[Function (anonymous)]"
    if not isinstance(value, (list, tuple, Mapping)):
        return f"{type(value).__name__} {{}}"
    is_array = isinstance(value, (list, tuple))
    if id(value) in seen:
        return "[Circular *1]"
    if level > depth:
        return "[Array]" if is_array else "[Object]"
    seen.add(id(value))
    items: list[str] = []
    try:
        if isinstance(value, (list, tuple)):
            items = [_inspect(v, depth, level + 1, seen) for v in value]
            braces = ("[", "]")
        else:
            for key, val in value.items():
                k = str(key)
                shown = k if _KEY_RE.match(k) else _str_escape(k)
                items.append(f"{shown}: {_inspect(val, depth, level + 1, seen)}")
            braces = ("{", "}")
    finally:
        seen.discard(id(value))
    if not items:
        return braces[0] + braces[1]
    # reduceToSingleString / isBelowBreakLength with breakLength 80.
    start = len(items) + level * 2 + 1 + 10
    joined = ", ".join(items)
    if (start + 2 * len(items) <= 80 and start + len(items) + sum(map(len, items)) <= 80
            and "\n" not in joined):
        return f"{braces[0]} {joined} {braces[1]}"
    pad = "\n" + " " * (level * 2)
    return f"{braces[0]}{pad}  " + f",{pad}  ".join(items) + f"{pad}{braces[1]}"


def determine_specific_type(value: object) -> str:
    """``determineSpecificType`` of ``lib/internal/errors.js`` (without ``Received``)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"type boolean ({'true' if value else 'false'})"
    if is_number(value):
        if isinstance(value, float) and value == 0 and math.copysign(1.0, value) < 0:
            return "type number (-0)"
        return f"type number ({js_number_to_string(value)})"  # type: ignore[arg-type]
    if isinstance(value, str):
        if _utf16_len(value) > 28:
            value = _utf16_slice(value, 25) + "..."
        if "'" not in value:
            return f"type string ('{value}')"
        return f"type string ({_json_string(value)})"
    hook = getattr(type(value), "__node_inspect__", None)
    if hook is not None:
        return f"an instance of {type(value).__name__}"
    described = errors.describe(value)
    return described.removeprefix("Received ")


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
    if _is_integer(value) and abs(value) > 2**32:  # type: ignore[arg-type]
        received = _add_numerical_separator(js_number_to_string(value))  # type: ignore[arg-type]
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

def _num_text(value: float) -> str:
    return js_number_to_string(value)


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
        text = (f"{'>= ' + _num_text(min) if min is not None else ''}"
                f"{' && ' if min is not None and max is not None else ''}"
                f"{'<= ' + _num_text(max) if max is not None else ''}")
        raise out_of_range(name, text, value)
    return number


def _validate_integer_in(value: object, name: str, low: int, high: int) -> int:
    if not is_number(value):
        raise invalid_arg_type(name, "number", value)
    if not _is_integer(value):
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
            f"'{c}'" if isinstance(c, str) else "null" if c is None else
            ("true" if c else "false") if isinstance(c, bool) else
            js_number_to_string(c) if is_number(c) else str(c)  # type: ignore[arg-type]
            for c in choices
        )
        raise invalid_arg_value(name, value, "must be one of: " + allowed)
    return value


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
            f"{js_number_to_string(number)} does not fit into a 32-bit signed integer."
            f"\nTimer duration was truncated to {TIMEOUT_MAX}.",
            TimeoutOverflowWarning,
            stacklevel=3,
        )
        return TIMEOUT_MAX
    return number
