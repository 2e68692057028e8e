"""How a Python exception reads where Node prints an Error (mapping §13).

Theory of operation
-------------------
Node prints an uncaught error, a warning, or ``util.inspect(err)`` from three
parts: the error's ``stack`` (``Name: message`` then one ``    at …`` line a
frame), then its own enumerable properties in braces (``{ code: 'X' }``).
A Python exception has the same parts under other names, and this module
maps them:

* **name** — ``err.name`` where the exception carries one (Node's errors
  that pynet builds with a ``name`` of their own, such as
  ``UnhandledPromiseRejection``), else the class name
  (``ConnectionRefusedError``, ``ERR_SOCKET_BAD_PORT``, ``ValueError``);
* **stack** — ``Name: message`` then Python's traceback lines (the frames
  the exception went through, oldest first as Python prints them), each
  indented four spaces where Node puts its ``at`` lines;
* **own properties** — ``errno`` for an :class:`OSError`, ``code`` (also a
  class attribute of pynet's ``ERR_*`` classes), then the public attributes
  set on the instance, except ``name`` and ``message`` (not enumerable in
  Node) and those that are ``None`` (absent in Node).

:func:`no_side_effects_to_string` is V8's ``NoSideEffectsToString``, the text
Node puts in ``The promise rejected with the reason "…"``.
"""

from __future__ import annotations

import linecache
import traceback
from typing import Any

from pynet._js.inspect import inspect
from pynet._js.number import is_number, number_to_string

__all__ = ["NodeWarning", "error_name", "inspect_error", "location", "message",
           "no_side_effects_to_string",
           "own_properties", "stack"]

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


_HIDDEN = frozenset({"name", "message", "stack"})


def error_name(exc: BaseException) -> str:
    """``err.name``: an own ``name`` string, else the class name."""
    name = vars(exc).get("name") if hasattr(exc, "__dict__") else None
    return name if isinstance(name, str) else type(exc).__name__


def message(exc: BaseException) -> str:
    """``err.message``: a ``message`` attribute, else ``str(exc)``."""
    text = getattr(exc, "message", None)
    return text if isinstance(text, str) else str(exc)


def stack(exc: BaseException) -> str:
    """``err.stack``: ``Name: message`` and the traceback's lines, indented."""
    text = message(exc)
    head = f"{error_name(exc)}: {text}" if text else error_name(exc)
    frames = traceback.extract_tb(exc.__traceback__)
    lines = "".join(traceback.format_list(frames)).rstrip("\n")
    if not lines:
        return head
    return head + "\n" + "\n".join("  " + line for line in lines.split("\n"))


def own_properties(exc: BaseException) -> dict[str, Any]:
    """The properties Node would list in braces after the stack."""
    props: dict[str, Any] = {}
    if isinstance(exc, OSError) and exc.errno is not None:
        props["errno"] = exc.errno
    code = getattr(exc, "code", None)
    if isinstance(code, str) and code:
        props["code"] = code
    for key, value in (vars(exc).items() if hasattr(exc, "__dict__") else ()):
        if key.startswith("_") or key in _HIDDEN or value is None or key in props:
            continue
        props[key] = value
    return props


def inspect_error(exc: BaseException) -> str:
    """``util.inspect(err)``: the stack, then ``{ own properties }``."""
    text = stack(exc)
    props = own_properties(exc)
    if not props:
        return text
    body = ",\n".join(f"  {key}: {inspect(value)}".replace("\n", "\n  ")
                      for key, value in props.items())
    return f"{text} {{\n{body}\n}}"


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
