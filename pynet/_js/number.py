"""JavaScript's Number rules: ``typeof 'number'``, ``Number(value)`` and ``String(number)``.

The one place pynet turns numbers into JavaScript text and JavaScript text
into numbers.  Every message that shows a number (``Received type number
(1e+21)``, ``1e+21 does not fit into a 32-bit signed integer``, ``MaxListeners
is 10``) goes through :func:`number_to_string`; every ``Number(x)`` Node does
(``isPipeName``, ``validatePort``, ``after *= 1`` in timers) goes through
:func:`to_number`.

Mirrors ECMAScript's Number::toString (radix 10, section 6.1.6.1.20),
StringToNumber (7.1.4.1.1) and the WhiteSpace/LineTerminator sets that
``String.prototype.trim`` and ``Number()`` strip.

Invariants:

* A JavaScript *number* is an ``int`` or ``float`` that is not a ``bool``
  (mapping §3: ``True`` is not a port).
* A JavaScript number is a double: Python ints beyond ``2 ** 53`` are rounded
  to one before they are shown (``2 ** 60`` prints ``1152921504606847000``),
  ints too large for a double are ``±Infinity``.
* :func:`number_to_string` gives the shortest digits that round-trip, as
  JavaScript does (Python's ``repr`` picks the same digits: both are the
  shortest correctly rounded form, ties to the closer value), laid out by
  JavaScript's rules: plain digits for ``1e-6 <= |x| < 1e21``, else
  ``d.ddde+N``/``d.ddde-N`` (``1e+21``, ``1e-7``, ``1.5e-7``); ``-0`` prints
  ``0``; ``NaN``, ``Infinity``.
* :func:`to_number` never raises: ``nan`` where JavaScript gives ``NaN``.
  JavaScript's whitespace and literal grammar are used, not Python's
  (``float('1_0')`` and ``float('inf')`` are numbers in Python, ``NaN`` in
  JavaScript).
"""

from __future__ import annotations

import math
import re

__all__ = [
    "MAX_SAFE_INTEGER",
    "MIN_SAFE_INTEGER",
    "is_int32",
    "is_integer",
    "is_number",
    "is_uint32",
    "js_trim",
    "number_to_string",
    "to_double",
    "to_number",
    "to_uint32",
]

MAX_SAFE_INTEGER = 2**53 - 1
MIN_SAFE_INTEGER = -(2**53 - 1)

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


def is_integer(value: object) -> bool:
    """``Number.isInteger``: a finite number with no fraction."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return True
    return isinstance(value, float) and math.isfinite(value) and value.is_integer()


def is_int32(value: object) -> bool:
    """``isInt32`` of ``lib/internal/validators.js``: ``value === (value | 0)``."""
    return is_integer(value) and -(2**31) <= value <= 2**31 - 1  # type: ignore[operator]


def is_uint32(value: object) -> bool:
    """``isUint32`` of ``lib/internal/validators.js``: ``value === (value >>> 0)``."""
    return is_integer(value) and 0 <= value <= 2**32 - 1  # type: ignore[operator]


def js_trim(text: str) -> str:
    """``String.prototype.trim`` (JavaScript's whitespace set, not Python's)."""
    return text.strip(_JS_WHITESPACE)


def to_double(value: int | float) -> float:
    """The double JavaScript holds for a Python number (huge ints are ``±Infinity``)."""
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
    if isinstance(value, (int, float)):
        return to_double(value)
    if not isinstance(value, str):
        return math.nan
    text = js_trim(value)
    if not text:
        return 0.0
    if len(text) > 2 and text[0] == "0" and text[1] in "xXoObB":
        base, digits = _NON_DECIMAL[text[1].lower()]
        if digits.match(text, 2):
            return to_double(int(text[2:], base))
        return math.nan
    if _DECIMAL_LITERAL.match(text):
        return float(text.replace("Infinity", "inf"))
    return math.nan


def to_uint32(value: int | float) -> int:
    """ECMAScript's ToUint32 of a number (``value >>> 0``): NaN and infinities are 0."""
    if isinstance(value, float):
        if not math.isfinite(value):
            return 0
        value = math.trunc(value)
    return int(value) % 2**32


def number_to_string(value: int | float) -> str:
    """``String(number)``: ECMAScript's Number::toString in radix 10.

    ``0`` and ``-0`` print ``0``; ``NaN``, ``Infinity``, ``-Infinity``;
    integers below ``1e21`` in full; from ``1e21`` up and below ``1e-6`` in
    exponent form (``1e+21``, ``1e-7``, ``1.5e-7``); otherwise plain decimals
    with the shortest digits that round-trip (``0.30000000000000004``).
    """
    if isinstance(value, int) and not isinstance(value, bool):
        if abs(value) <= MAX_SAFE_INTEGER:
            return str(value)
    x = to_double(value)
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    if x == 0:
        return "0"
    sign = "-" if x < 0 else ""
    # The shortest round-tripping digits, as s (k digits, no leading or trailing
    # zeros) and n, with |x| = 0.s * 10 ** n (ECMAScript's s * 10 ** (n - k)).
    mantissa, _, exp_text = repr(abs(x)).partition("e")
    int_part, _, frac_part = mantissa.partition(".")
    all_digits = int_part + frac_part
    leading = len(all_digits) - len(all_digits.lstrip("0"))
    digits = all_digits.strip("0")
    n = len(int_part) - leading + (int(exp_text) if exp_text else 0)
    k = len(digits)
    if k <= n <= 21:
        text = digits + "0" * (n - k)
    elif 0 < n <= 21:
        text = digits[:n] + "." + digits[n:]
    elif -6 < n <= 0:
        text = "0." + "0" * (-n) + digits
    else:
        e = n - 1
        exponent = f"e{'+' if e >= 0 else '-'}{abs(e)}"
        text = digits + exponent if k == 1 else digits[0] + "." + digits[1:] + exponent
    return sign + text
