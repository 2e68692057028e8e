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

Sections pynet prints: ``net`` (lib/net.js), ``tls`` (lib/_tls_wrap.js),
``stream`` (lib/internal/streams/readable.js) and ``timer``
(lib/internal/timers.js, lib/timers.js).

Node reference: lib/internal/util/debuglog.js (``initializeDebugEnv``,
``debuglogImpl``), ``formatWithOptions`` and ``inspect``
(lib/internal/util/inspect.js) for the values pynet logs.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from collections.abc import Callable
from typing import Any

from pynet._js.inspect import format_args as js_format_args
from pynet._js.inspect import inspect as js_inspect

__all__ = ["NULL", "JsArray", "debuglog", "enabled", "format_args", "inspect"]


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


class _Undefined:
    """What a ``None`` argument logs as."""

    def __node_inspect__(self) -> str:
        """``undefined``."""
        return "undefined"


_UNDEFINED = _Undefined()


class JsArray(list[Any]):
    """A list that inspects as a JavaScript array with symbol-keyed properties
    (``normalizeArgs``' result carries ``[Symbol(normalizedArgs)]: true``)."""

    symbols: dict[str, Any]

    def __init__(self, items: list[Any], symbols: dict[str, Any] | None = None) -> None:
        super().__init__(items)
        self.symbols = symbols or {}

    def __node_inspect__(self) -> str:
        """The array as ``util.inspect`` shows it (items already :func:`_js_value`'d)."""
        # An entry laid out on several lines is indented one level more.
        entries = [js_inspect(item).replace("\n", "\n  ") for item in self]
        entries += [f"[Symbol({key})]: {js_inspect(value)}" for key, value in self.symbols.items()]
        # reduceToSingleString at the top level (breakLength 80), as _js.inspect lays out arrays.
        start = len(entries) + 1 + 10
        if start + len(entries) + sum(map(len, entries)) <= 80 and \
                not any("\n" in e for e in entries):
            return f"[ {', '.join(entries)} ]"
        return "[\n  " + ",\n  ".join(entries) + "\n]"


def _js_value(value: Any) -> Any:
    """A logged value as :func:`pynet._js.inspect.inspect` should see it: ``None``
    is ``undefined`` here, :data:`NULL` is ``null``."""
    if value is None:
        return _UNDEFINED
    if value is NULL:
        return None
    if isinstance(value, JsArray):
        return JsArray([_js_value(v) for v in value], value.symbols)
    if isinstance(value, dict):
        return {k: _js_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_js_value(v) for v in value]
    return value


def inspect(value: Any) -> str:
    """``util.inspect(value)`` (:mod:`pynet._js.inspect`), ``None`` as ``undefined``."""
    return js_inspect(_js_value(value))


def format_args(*args: Any) -> str:
    """``util.format(...args)`` (:func:`pynet._js.inspect.format_args`), ``None``
    as ``undefined``."""
    return js_format_args(*[_js_value(arg) for arg in args])


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
