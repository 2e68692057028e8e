"""How a Python exception reads where Node prints an Error (mapping §13).

Theory of operation
-------------------
Node prints an uncaught error, a warning, or ``util.inspect(err)`` from three
parts: the error's ``stack`` (``Name [CODE]: message`` then one ``    at …``
line a frame), then its own enumerable properties in braces
(``{ code: 'X' }``).  The one rendering of a Python exception in those terms
is :mod:`pynet._js.inspect`'s (mapping §13: the name Node gives the error's
kind or its own ``name``, the traceback's frames innermost first as ``at``
lines, ``errno``/``code``/``syscall``… in Node's order); this module adds
what only the runner and the warnings need around it: :func:`location`, the
``file:line``, source line and caret Node prints above an uncaught error, and
:class:`NodeWarning`.

:func:`no_side_effects_to_string` is V8's ``NoSideEffectsToString``, the text
Node puts in ``The promise rejected with the reason "…"``.
"""

from __future__ import annotations

import linecache
import traceback
from typing import Any

from pynet._js.inspect import error_name
from pynet._js.number import is_number, number_to_string

__all__ = ["NodeWarning", "error_name", "location", "message", "no_side_effects_to_string"]

class NodeWarning(Warning):
    """A Node warning object (``process.emitWarning``'s): an Error whose ``name``
    is the warning's type (``'Warning'``, ``'DeprecationWarning'``,
    ``'UnhandledPromiseRejectionWarning'``…), with an optional ``code``."""

    def __init__(self, message: str, name: str = "Warning", code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.name = name
        self.code = code

    def __str__(self) -> str:
        return self.message


def message(exc: BaseException) -> str:
    """``err.message``: a ``message`` attribute, else ``str(exc)``."""
    text = getattr(exc, "message", None)
    return text if isinstance(text, str) else str(exc)


def location(exc: BaseException) -> str | None:
    """Node's header for an uncaught error: ``file:line``, the source line and a
    caret under the failing expression, from the innermost frame (``None``
    when the exception was never raised)."""
    frames = traceback.extract_tb(exc.__traceback__)
    if not frames:
        return None
    frame = frames[-1]
    source = frame.line or ""
    lines = [f"{frame.filename}:{frame.lineno}"]
    if source:
        raw = linecache.getline(frame.filename, frame.lineno or 0).rstrip("\n") or source
        lines.append(raw)
        column = frame.colno if frame.colno is not None else len(raw) - len(raw.lstrip())
        lines.append(" " * column + "^")
    return "\n".join(lines)


def no_side_effects_to_string(value: Any) -> str:
    """V8's ``NoSideEffectsToString``: ``null``, ``abc``, ``42``,
    ``[object Array]``, ``#<Object>``, ``#<ClassName>``."""
    if value is None:
        return "null"
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if is_number(value):
        return number_to_string(value)
    if isinstance(value, BaseException):
        text = message(value)
        return f"{error_name(value)}: {text}" if text else error_name(value)
    if isinstance(value, (list, tuple)):
        return "[object Array]"
    if isinstance(value, dict):
        return "#<Object>"
    try:
        return f"#<{type(value).__name__}>"
    except Exception:  # pragma: no cover - a type whose name raises
        return "#<Object>"
