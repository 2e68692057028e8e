"""``NODE_DEBUG``: Node's debuglog lines, through :mod:`logging`.

Theory of operation
-------------------
``NODE_DEBUG=net,stream,…`` (read once, at import, as Node reads it at
startup) names the sections whose ``debug()`` calls print.  A section is
matched as Node matches it: case-insensitively, ``*`` as a wildcard, the
names separated by commas.  :func:`debuglog` returns a section's logger
function: it formats its arguments as ``util.format`` does (``%s``, ``%d``,
``%i``, ``%f``, ``%j``, ``%o``, ``%O``, ``%%``, the rest appended, objects
inspected as ``util.inspect`` shows them) and logs ``NET 1234: message``,
Node's line, at level DEBUG on the logger ``pynet.net`` (``pynet.<section>``).

When a section is enabled, pynet gives the ``pynet`` logger a handler that
writes the bare line to stderr, as Node does, and stops propagation to the
root logger (so the line is not printed twice); a program that wants the
lines elsewhere replaces ``logging.getLogger('pynet').handlers`` and may turn
``propagate`` back on.

Zero cost when disabled: a module that logs keeps a module-level flag
(``DEBUG = debuglog.enabled('net')``) and tests it before building any
argument, so a disabled section costs one global lookup per call site.

Node reference: lib/internal/util/debuglog.js (``initializeDebugEnv``,
``debuglogImpl``), ``formatWithOptions`` and ``inspect``
(lib/internal/util/inspect.js) for the values pynet logs.
"""

from __future__ import annotations

import json
import logging
import math
import os
import re
import sys
from collections.abc import Callable
from typing import Any

from pynet._js.validators import js_number_to_string as js_number
from pynet._js.validators import to_number

__all__ = ["NULL", "JsArray", "debuglog", "enabled", "format_args", "inspect"]

BREAK_LENGTH = 80  # util.inspect's breakLength


def _compile(env: str) -> Callable[[str], bool]:
    """``initializeDebugEnv``: NODE_DEBUG as Node reads it."""
    if not env:
        return lambda section: False
    pattern = re.sub(r"[|\\{}()\[\]^$+?.]", lambda m: "\\" + m.group(0), env)
    pattern = pattern.replace("*", ".*").replace(",", "$|^")
    regex = re.compile(f"^{pattern}$", re.IGNORECASE)
    return lambda section: regex.match(section) is not None


_test_enabled = _compile(os.environ.get("NODE_DEBUG", ""))


def enabled(section: str) -> bool:
    """Whether ``NODE_DEBUG`` names ``section`` (``debuglog(set).enabled``)."""
    return _test_enabled(section.upper())


class _Null:
    """JavaScript's ``null`` where the value logged is ``null`` (``None`` shows
    as ``undefined``, what pynet's ``None`` stands for at most debug sites)."""

    def __repr__(self) -> str:
        return "null"


#: Logs as ``null``.
NULL = _Null()


class JsArray(list[Any]):
    """A list that inspects as a JavaScript array with symbol-keyed properties
    (``normalizeArgs``' result carries ``[Symbol(normalizedArgs)]: true``)."""

    symbols: dict[str, Any]

    def __init__(self, items: list[Any], symbols: dict[str, Any] | None = None) -> None:
        super().__init__(items)
        self.symbols = symbols or {}


_IDENT = re.compile(r"^[A-Za-z_$][A-Za-z0-9_$]*$")


def _quote(text: str) -> str:
    """A string as inspect quotes it: single quotes unless the text has some."""
    for quote in ("'", '"', "`"):
        if quote not in text:
            break
    else:
        quote = "'"
    body = text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")
    if quote == "'":
        body = body.replace("'", "\\'")
    return f"{quote}{body}{quote}"


def _function(value: Any) -> str:
    name = getattr(value, "__name__", "")
    if not name or name == "<lambda>":
        return "[Function (anonymous)]"
    if getattr(value, "__self__", None) is not None:
        return f"[Function: bound {name}]"
    return f"[Function: {name}]"


def _join(entries: list[str], braces: tuple[str, str], indent: int, nested: int) -> str:
    """``reduceToSingleString`` with Node's default ``compact: 3``."""
    if not entries:
        return braces[0] + braces[1]
    start = len(entries) + indent + len(braces[0]) + 10
    if nested < 3 and len(entries) + start + sum(len(e) for e in entries) <= BREAK_LENGTH:
        joined = ", ".join(entries)
        if "\n" not in joined:
            return f"{braces[0]} {joined} {braces[1]}"
    pad = "\n" + " " * indent
    return f"{braces[0]}{pad}  " + f",{pad}  ".join(entries) + f"{pad}{braces[1]}"


def _inspect(value: Any, indent: int, depth: int) -> tuple[str, int]:
    """``(text, levels of nesting inside)`` for one value."""
    if value is None:
        return "undefined", 0
    if value is NULL:
        return "null", 0
    if value is True:
        return "true", 0
    if value is False:
        return "false", 0
    if isinstance(value, (int, float)):
        return js_number(value), 0
    if isinstance(value, str):
        return _quote(value), 0
    if isinstance(value, (bytes, bytearray, memoryview)):
        data = bytes(value)
        shown = " ".join(f"{b:02x}" for b in data[:50])
        more = f" ... {len(data) - 50} more bytes" if len(data) > 50 else ""
        return f"<Buffer {shown}{more}>" if data else "<Buffer >", 0
    if isinstance(value, BaseException):
        return f"{type(value).__name__}: {value}", 0
    if callable(value) and not isinstance(value, type):
        return _function(value), 0
    if depth > 2:
        return ("[Array]" if isinstance(value, (list, tuple)) else "[Object]"), 0
    if isinstance(value, (list, tuple)):
        entries, nested = [], 0
        for item in value:
            text, inner = _inspect(item, indent + 2, depth + 1)
            entries.append(text)
            nested = max(nested, inner + 1 if isinstance(item, (list, tuple, dict)) else 0)
        for key, item in getattr(value, "symbols", {}).items():
            entries.append(f"[Symbol({key})]: {_inspect(item, indent + 2, depth + 1)[0]}")
        return _join(entries, ("[", "]"), indent, nested), nested
    items = value.items() if isinstance(value, dict) else vars(value).items() \
        if hasattr(value, "__dict__") else None
    if items is None:
        return str(value), 0
    entries, nested = [], 0
    for key, item in items:
        name = key if isinstance(key, str) and _IDENT.match(key) else _quote(str(key))
        text, inner = _inspect(item, indent + 2, depth + 1)
        entries.append(f"{name}: {text}")
        nested = max(nested, inner + 1 if isinstance(item, (list, tuple, dict)) else 0)
    return _join(entries, ("{", "}"), indent, nested), nested


def inspect(value: Any) -> str:
    """``util.inspect(value)`` for the plain values pynet logs."""
    return _inspect(value, 0, 0)[0]


def _number(value: Any, integer: bool) -> str:
    """``%d``/``%i`` (``integer``) and ``%f``: ``Number(value)``, truncated for ``%i``."""
    if value is None:
        return "NaN"  # Number(undefined)
    number = value if isinstance(value, (int, float)) and not isinstance(value, bool) \
        else to_number(None if value is NULL else value)
    if integer and isinstance(number, float):
        if math.isnan(number) or math.isinf(number):
            return "NaN"
        number = int(number)
    return js_number(number)


def _json(value: Any) -> str:
    try:
        return json.dumps(value, separators=(",", ":"), default=lambda o: None)
    except (TypeError, ValueError):
        return "[Circular]"


def format_args(*args: Any) -> str:
    """``util.format(...args)``."""
    if not args:
        return ""
    first = args[0]
    if len(args) == 1 and isinstance(first, str):
        return first
    rest = list(args[1:])
    out: list[str] = []
    if isinstance(first, str):
        pieces = re.split(r"(%[sdifjoOc%])", first)
        text = []
        for piece in pieces:
            if len(piece) == 2 and piece[0] == "%" and piece[1] in "sdifjoOc%":
                spec = piece[1]
                if spec == "%":
                    text.append("%")
                    continue
                if not rest:
                    text.append(piece)
                    continue
                arg = rest.pop(0)
                if spec == "s":
                    text.append(arg if isinstance(arg, str) else inspect(arg))
                elif spec in "di":
                    text.append(_number(arg, True))
                elif spec == "f":
                    text.append(_number(arg, False))
                elif spec == "j":
                    text.append(_json(arg))
                elif spec in "oO":
                    text.append(inspect(arg))
                # %c (CSS) consumes its argument and prints nothing.
            else:
                text.append(piece)
        out.append("".join(text))
    else:
        out.append(inspect(first))
    out.extend(arg if isinstance(arg, str) else inspect(arg) for arg in rest)
    return " ".join(out)


class _NodeLineHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes the record's message (Node's whole line) to stderr as it is now."""

    def __init__(self) -> None:
        super().__init__(sys.stderr)
        self.setFormatter(logging.Formatter("%(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        """Write to the current ``sys.stderr`` (tests and runners swap it)."""
        self.setStream(sys.stderr)
        super().emit(record)


_configured: set[str] = set()


def debuglog(section: str) -> Callable[..., None]:
    """The ``debug(...)`` function of ``section`` (Node's ``debuglog(set)``).

    Callers test :func:`enabled` (once, into a module-level flag) before
    calling it; called anyway while disabled, it does nothing.
    """
    name = section.upper()
    logger = logging.getLogger(f"pynet.{section.lower()}")
    if not enabled(section):
        return lambda *args: None
    if name not in _configured:
        _configured.add(name)
        logger.setLevel(logging.DEBUG)
        root = logging.getLogger("pynet")
        if not any(isinstance(h, _NodeLineHandler) for h in root.handlers):
            root.addHandler(_NodeLineHandler())
            root.propagate = False

    def debug(*args: Any) -> None:
        logger.debug("%s %s: %s", name, os.getpid(), format_args(*args))

    return debug
