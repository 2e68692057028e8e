"""JavaScript's conversions of any value: ``Boolean(value)`` and ``String(value)``.

Node's code tests options with ``if (options.noDelay)`` and builds text with
``${value}``; pynet does the same through :func:`truthy` and :func:`to_string`,
so ``{}``, ``[]`` and ``b''`` are true, ``0``, ``nan`` and ``''`` false, and
``String(1e21)`` is ``'1e+21'`` everywhere.

Mirrors ECMAScript's ToBoolean (7.1.2) and ToString (7.1.17), with
``Array.prototype.join`` and ``Buffer#toString`` for the objects pynet meets.

Invariants (Python stand-ins for JavaScript values, mapping §3 and §4):

* ``None`` is ``null`` (and ``undefined``): false, and ``'null'`` as text
  (inside an array it joins as ``''``, as both do in JavaScript);
* ``bool`` is a boolean, never a number;
* ``list``/``tuple`` are arrays (``String([1, [2, None]])`` is ``'1,2,'``);
  ``bytes``/``bytearray``/``memoryview`` are Buffers (their UTF-8 text);
  a ``dict`` is a plain object (``'[object Object]'``); any other object
  prints as ``str()`` gives (its ``toString``).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from pynet._js.number import is_number, number_to_string

__all__ = ["spread", "to_string", "truthy"]


def truthy(value: object) -> bool:
    """``Boolean(value)``: false for ``None``, ``False``, ``0``, ``-0``, ``nan`` and ``''``."""
    if value is None or value is False:
        return False
    if isinstance(value, str):
        return value != ""
    if is_number(value):
        return not (value == 0 or math.isnan(value))  # type: ignore[arg-type]
    return True


def to_string(value: object) -> str:
    """``String(value)`` (``${value}``)."""
    return _to_string(value, set())


def _to_string(value: object, seen: set[int]) -> str:
    if isinstance(value, str):
        return value
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if is_number(value):
        return number_to_string(value)  # type: ignore[arg-type]
    if isinstance(value, (list, tuple)):
        if id(value) in seen:  # Array.prototype.join gives '' for a cycle.
            return ""
        seen.add(id(value))
        try:
            return ",".join("" if v is None else _to_string(v, seen) for v in value)
        finally:
            seen.discard(id(value))
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).decode("utf-8", "replace")
    if isinstance(value, Mapping):
        return "[object Object]"
    return str(value)


def spread(value: object) -> dict[str, Any]:
    """JavaScript's ``{ ...value }`` of an options argument: a mapping's items, a
    string's or a list's elements under their indices, nothing for anything else
    (``undefined``, ``null``, numbers, booleans and objects with no own keys)."""
    if isinstance(value, Mapping):
        return {str(k) if not isinstance(k, str) else k: v for k, v in value.items()}
    if isinstance(value, (str, list, tuple)):
        return {str(i): v for i, v in enumerate(value)}
    return {}
