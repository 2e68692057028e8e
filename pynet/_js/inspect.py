"""A small ``util.inspect``: how Node shows a value in a message or a ``console.log``.

Mirrors ``formatValue``/``formatPrimitive``/``strEscape``/``reduceToSingleString``
of ``lib/internal/util/inspect.js`` with the default options (depth 2,
breakLength 80, no colours), for the values pynet meets.

Invariants:

* exact for primitives: ``None`` is ``null``, booleans, numbers
  (:func:`pynet._js.number.number_to_string`, ``-0`` shown as ``-0``),
  strings (Node's choice of quote and its escapes, long strings split at
  ``'\\n'``);
* faithful for flat ``dict``/``list`` values (objects and arrays), ``bytes``
  (``<Buffer ..>``), callables (``[Function: f]``) and classes; approximate
  for deep or wide structures (no array grouping);
* an object may define ``__node_inspect__() -> str`` to print as Node prints
  it (``NodeObject``, ``SocketAddress``...).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from typing import Any

from pynet._js.number import is_number, number_to_string
from pynet._js.value import to_string

__all__ = ["format_s", "inspect", "utf16_len"]

_META = {i: f"\\x{i:02X}" for i in [*range(0x20), *range(0x7F, 0xA0)]}
_META.update({8: "\\b", 9: "\\t", 10: "\\n", 12: "\\f", 13: "\\r", 39: "\\'", 92: "\\\\"})
_KEY_RE = re.compile(r"[a-zA-Z_][a-zA-Z_0-9]*\Z")


def utf16_len(text: str) -> int:
    """``text.length`` in JavaScript: UTF-16 code units (astral characters count 2)."""
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
    if utf16_len(text) > 16 and utf16_len(text) > 80 - indentation - 4:
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


def format_s(value: object) -> str:
    """``util.format('%s', value)``, as Node's ``%s`` messages show a value.

    Numbers as ``String`` does but ``-0`` as ``-0``; strings, ``None``
    (``null``), booleans, Buffers (their text) and other objects with their own
    ``toString`` as ``String(value)``; plain objects and arrays inspected to
    depth 0 (``{ a: [Object] }``).
    """
    if is_number(value):
        if isinstance(value, float) and value == 0 and math.copysign(1.0, value) < 0:
            return "-0"
        return number_to_string(value)  # type: ignore[arg-type]
    if isinstance(value, (list, tuple, Mapping)) or hasattr(type(value), "__node_inspect__"):
        return inspect(value, depth=0)
    return to_string(value)


def _inspect(value: object, depth: int, level: int, seen: set[int]) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value == 0 and math.copysign(1.0, value) < 0:
        return "-0"
    if is_number(value):
        return number_to_string(value)  # type: ignore[arg-type]
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
