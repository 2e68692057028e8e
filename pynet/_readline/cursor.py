"""Cursor control sequences: Node's ``internal/readline/callbacks.js`` and
``internal/readline/promises.js`` (v20).

Theory of operation
-------------------
Each function writes one ANSI/VT100 control sequence (``CSI``, ``ESC [``) to a
writable stream: ``cursorTo`` (``CSI x+1 G`` or ``CSI y+1 ; x+1 H``),
``moveCursor`` (``CSI n D/C`` then ``CSI n A/B``), ``clearLine``
(``CSI 1K``/``0K``/``2K``) and ``clearScreenDown`` (``CSI 0J``).  With no
stream (or nothing to do) the callback is called on the next tick with
``None`` and the result is ``True``; otherwise the result is the stream's
``write()`` result, the callback going to ``write``.

:class:`Readline` (``readline/promises``) queues the same sequences and writes
them at :meth:`Readline.commit` in one ``write()``, or, with
``autoCommit: True``, each on the next tick (Node's ``process._deferTick``).
Unlike the callback helpers it validates its numbers (``validateInteger``).
"""

from __future__ import annotations

from typing import Any

from pynet import errors
from pynet._core.promise import Promise
from pynet._js.inspect import inspect
from pynet._js.number import number_to_string
from pynet._js.validators import (
    invalid_arg_type,
    invalid_arg_value,
    validate_boolean,
    validate_function,
    validate_integer,
)
from pynet._streams.utils import is_writable
from pynet.process import nextTick

__all__ = [
    "CLEAR_LINE",
    "CLEAR_SCREEN_DOWN",
    "CLEAR_TO_LINE_BEGINNING",
    "CLEAR_TO_LINE_END",
    "CSI",
    "Readline",
    "clearLine",
    "clearScreenDown",
    "cursorTo",
    "moveCursor",
]

CSI = "\x1b["
CLEAR_TO_LINE_BEGINNING = CSI + "1K"
CLEAR_TO_LINE_END = CSI + "0K"
CLEAR_LINE = CSI + "2K"
CLEAR_SCREEN_DOWN = CSI + "0J"


def _done(callback: Any) -> bool:
    if callable(callback):
        nextTick(callback, None)
    return True


def _num(value: float) -> str:
    return number_to_string(value)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _write(stream: Any, data: str, callback: Any) -> bool:
    # Discussion: Node calls stream.write(data, callback) with callback
    # undefined too; pynet passes it only when there is one, so a duck-typed
    # output whose write() takes one argument works (mapping §5).
    return bool(stream.write(data) if callback is None else stream.write(data, callback))


def cursorTo(stream: Any = None, x: Any = None, y: Any = None, callback: Any = None) -> bool:
    """``readline.cursorTo(stream, x[, y][, callback])``: move the cursor to
    column ``x`` (and row ``y``) of ``stream``."""
    if callback is not None:
        validate_function(callback, "callback")
    if callable(y):
        callback, y = y, None
    if isinstance(x, float) and x != x:
        raise invalid_arg_value("x", x)
    if isinstance(y, float) and y != y:
        raise invalid_arg_value("y", y)
    if stream is None or (not _is_number(x) and not _is_number(y)):
        return _done(callback)
    if not _is_number(x):
        raise errors.ERR_INVALID_CURSOR_POS()
    data = f"{CSI}{_num(x + 1)}G" if not _is_number(y) else f"{CSI}{_num(y + 1)};{_num(x + 1)}H"
    return _write(stream, data, callback)


def _relative(dx: Any, dy: Any) -> str:
    data = ""
    if _is_number(dx) and dx < 0:
        data += f"{CSI}{_num(-dx)}D"
    elif _is_number(dx) and dx > 0:
        data += f"{CSI}{_num(dx)}C"
    if _is_number(dy) and dy < 0:
        data += f"{CSI}{_num(-dy)}A"
    elif _is_number(dy) and dy > 0:
        data += f"{CSI}{_num(dy)}B"
    return data


def moveCursor(stream: Any = None, dx: Any = None, dy: Any = None, callback: Any = None) -> bool:
    """``readline.moveCursor(stream, dx, dy[, callback])``: move the cursor by
    ``dx`` columns and ``dy`` rows."""
    if callback is not None:
        validate_function(callback, "callback")
    if stream is None or not (dx or dy):
        return _done(callback)
    return _write(stream, _relative(dx, dy), callback)


def _clear_kind(direction: Any) -> str:
    if _is_number(direction) and direction < 0:
        return CLEAR_TO_LINE_BEGINNING
    if _is_number(direction) and direction > 0:
        return CLEAR_TO_LINE_END
    return CLEAR_LINE


def clearLine(stream: Any = None, dir: Any = None,  # noqa: A002 - Node's name
              callback: Any = None) -> bool:
    """``readline.clearLine(stream, dir[, callback])``: clear the current line:
    left of the cursor (``dir < 0``), right of it (``dir > 0``) or all (``0``)."""
    if callback is not None:
        validate_function(callback, "callback")
    if stream is None:
        return _done(callback)
    return _write(stream, _clear_kind(dir), callback)


def clearScreenDown(stream: Any = None, callback: Any = None) -> bool:
    """``readline.clearScreenDown(stream[, callback])``: clear the screen from
    the cursor down."""
    if callback is not None:
        validate_function(callback, "callback")
    if stream is None:
        return _done(callback)
    return _write(stream, CLEAR_SCREEN_DOWN, callback)


class Readline:
    """``readlinePromises.Readline``: cursor actions on a TTY stream, queued
    until :meth:`commit` (or written on the next tick with ``autoCommit``).

    ``Readline(stream[, {'autoCommit': bool}])``; ``stream`` must be writable
    (``ERR_INVALID_ARG_TYPE`` otherwise).  Every action returns the
    ``Readline``, so calls chain: ``await rl.clearLine(0).cursorTo(0).commit()``.
    """

    __slots__ = ("_auto_commit", "_stream", "_todo")

    def __init__(self, stream: Any, options: Any = None, **kwargs: Any) -> None:
        if not is_writable(stream):
            raise invalid_arg_type("stream", "Writable", stream)
        self._stream = stream
        self._auto_commit = False
        self._todo: list[str] = []
        if kwargs:
            options = {**(options or {}), **kwargs}
        auto = (options.get("autoCommit") if isinstance(options, dict)
                else getattr(options, "autoCommit", None))
        if auto is not None:
            self._auto_commit = validate_boolean(auto, "options.autoCommit")

    def _act(self, data: str) -> Readline:
        if self._auto_commit:
            stream = self._stream
            nextTick(lambda: stream.write(data))
        else:
            self._todo.append(data)
        return self

    def cursorTo(self, x: int, y: int | None = None) -> Readline:
        """Move the cursor to column ``x`` (and row ``y``)."""
        validate_integer(x, "x")
        if y is not None:
            validate_integer(y, "y")
        return self._act(f"{CSI}{_num(x + 1)}G" if y is None
                         else f"{CSI}{_num(y + 1)};{_num(x + 1)}H")

    def moveCursor(self, dx: int, dy: int) -> Readline:
        """Move the cursor ``dx`` columns and ``dy`` rows from where it is."""
        if dx or dy:
            validate_integer(dx, "dx")
            validate_integer(dy, "dy")
            self._act(_relative(dx, dy))
        return self

    def clearLine(self, dir: int) -> Readline:  # noqa: A002 - Node's name
        """Clear the line: left of the cursor (-1), right of it (1) or all (0)."""
        validate_integer(dir, "dir", -1, 1)
        return self._act(_clear_kind(dir))

    def clearScreenDown(self) -> Readline:
        """Clear the screen from the cursor down."""
        return self._act(CLEAR_SCREEN_DOWN)

    def commit(self) -> Promise[None]:
        """Write the queued actions in one ``write()``; the Promise fulfils
        when the stream has taken them (``write``'s callback)."""
        def executor(resolve: Any, reject: Any) -> None:
            self._stream.write("".join(self._todo), lambda *args: resolve(None))
            self._todo = []
        return Promise(executor)

    def rollback(self) -> Readline:
        """Forget the queued actions without writing them."""
        self._todo = []
        return self

    def __repr__(self) -> str:
        return f"Readline {{ stream: {inspect(self._stream)} }}"
