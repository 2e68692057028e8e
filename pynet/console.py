"""Node's ``console``: ``console.log`` and friends, printing what node prints.

``from pynet import console`` then ``console.log('got %d bytes', n, data)``:
the module's functions are the global console's methods, writing to
``pynet.process.stdout``/``stderr`` as Node's do — or, when a Python program
has replaced ``sys.stdout``/``sys.stderr`` (``contextlib.redirect_stdout``,
pytest's capture), to that replacement, flushed after every line, as
``print()`` would.  :class:`Console` is Node's
class, over any object with a ``write(str)`` method:
``Console(stdout, stderr)``, ``Console({'stdout': out, 'stderr': err})`` or
``Console(stdout=out)``.

Theory of operation: every method formats its arguments with
``util.formatWithOptions`` (:mod:`pynet._js.inspect`, the library's one
``util.inspect``), indents the text by the current group indentation (each
line of it), adds ``'\\n'``, and writes it with one ``write`` call to the
stream Node uses: ``log``/``info``/``debug``/``dir``/``table``/``count``/
``time*``/``group`` to stdout, ``warn``/``error``/``trace``/``assert_`` to
stderr.

Invariants:

* One ``write`` per call, ending in ``'\\n'`` (``kWriteToConsole``).
* With ``ignoreErrors`` (the default) an exception raised by ``write`` is
  swallowed, as Node ignores errors on the console's streams; with
  ``ignoreErrors=False`` it propagates.
* The global console resolves its streams at each write, so it follows a
  later replacement of ``sys.stdout`` and its restoration.

Names: ``console.assert`` is ``console.assert_`` (a Python keyword, mapping
§2).  Warnings (a ``time`` label used twice, an unknown ``timeEnd``/``countReset``
label) go through ``process.emitWarning``, as Node's do.
Colours: ``colorMode`` ``'auto'`` (the default) colours what a console
prints to a TTY stream with more than two colours (``util.inspect``'s
``colors``), as Node's does: the global console on a terminal prints Node's
coloured output (``FORCE_COLOR``, ``NO_COLOR``, ``TERM=dumb`` as Node reads
them).  Write errors: with ``ignoreErrors`` an emitter stream gets a no-op
``'error'`` listener for each write, so an error it emits (now or when the
write's callback fails later) is swallowed, never an unhandled ``'error'``.
Not ported: the inspector-only methods (``profile``, ``timeStamp``…);
``console.clear`` only clears a TTY, as Node's.

Node reference: lib/internal/console/constructor.js (``Console``,
``kWriteToConsole``, ``formatTime``, ``table``), lib/internal/cli_table.js.
"""

from __future__ import annotations

import math
import sys
import time as _time
import traceback
from collections.abc import Callable, Mapping
from typing import Any

from pynet import errors, process
from pynet._core.calls import call
from pynet._js.inspect import (
    format_with_options,
    inspect,
    should_colorize,
    string_width,
    strip_vt_control_characters,
)
from pynet._js.number import is_number, number_to_string
from pynet._js.validators import invalid_arg_type, validate_integer, validate_one_of
from pynet._js.value import to_string
from pynet._streams.utils import error_emitted

__all__ = [
    "Console",
    "assert_",
    "clear",
    "count",
    "countReset",
    "debug",
    "dir",
    "dirxml",
    "error",
    "group",
    "groupCollapsed",
    "groupEnd",
    "info",
    "log",
    "table",
    "time",
    "timeEnd",
    "timeLog",
    "trace",
    "warn",
]

_K_SECOND = 1000.0
_K_MINUTE = 60 * _K_SECOND
_K_HOUR = 60 * _K_MINUTE
_K_MAX_GROUP_INDENTATION = 1000


def _writable(stream: object) -> bool:
    return stream is not None and callable(getattr(stream, "write", None))


class Console:
    """Node's ``Console``: a console writing to the streams given.

    ``Console(stdout[, stderr[, ignoreErrors]])`` or ``Console(options)`` with
    ``stdout``, ``stderr`` (defaults to ``stdout``), ``ignoreErrors`` (true),
    ``colorMode`` (``'auto'``, ``True``, ``False``), ``inspectOptions`` (``util.inspect``
    options for the values printed), ``groupIndentation`` (2).  A stream is any
    object with a ``write(str)`` method; without one,
    ``ERR_CONSOLE_WRITABLE_STREAM``.
    """

    def __init__(self, stdout: Any = None, stderr: Any = None, ignoreErrors: bool = True,
                 **kwargs: Any) -> None:
        if isinstance(stdout, Mapping) or (stdout is None and kwargs):
            options = {**(stdout or {}), **kwargs}
        else:
            options = {"stdout": stdout, "stderr": stderr, "ignoreErrors": ignoreErrors,
                       **kwargs}
        out = options.get("stdout")
        err = options.get("stderr")
        if err is None:
            err = out
        for name, stream in (("stdout", out), ("stderr", err)):
            if not _writable(stream):
                raise errors.ERR_CONSOLE_WRITABLE_STREAM(name)
        color_mode = options.get("colorMode")
        validate_one_of("auto" if color_mode is None else color_mode, "colorMode",
                        ["auto", True, False])
        indentation = options.get("groupIndentation")
        if indentation is None:
            indentation = 2
        else:
            validate_integer(indentation, "groupIndentation", 0, _K_MAX_GROUP_INDENTATION)
        inspect_options = options.get("inspectOptions")
        if inspect_options is not None and not isinstance(inspect_options, Mapping):
            raise invalid_arg_type("options.inspectOptions", "object", inspect_options)
        if inspect_options is not None and "colors" in inspect_options \
                and color_mode is not None:
            raise errors.ERR_INCOMPATIBLE_OPTION_PAIR(  # type: ignore[call-arg]
                "options.inspectOptions.color", "colorMode")
        self._stdout: Any = out
        self._stderr: Any = err
        self._ignore_errors = bool(options.get("ignoreErrors", True))
        self._inspect_options: dict[str, Any] | None = \
            dict(inspect_options) if inspect_options is not None else None
        self._color_mode: Any = "auto" if color_mode is None else color_mode
        self._group_indent = ""
        self._group_width: int = indentation
        self._times: dict[str, float] = {}
        self._counts: dict[str, int] = {}

    # -- writing -----------------------------------------------------------------

    def _write(self, to_stdout: bool, text: str) -> None:
        """``kWriteToConsole``: indent by the group, add the newline, one write."""
        if self._group_indent:
            if "\n" in text:
                text = text.replace("\n", "\n" + self._group_indent)
            text = self._group_indent + text
        text += "\n"
        stream = self._stdout if to_stdout else self._stderr
        if not self._ignore_errors:
            stream.write(text)
            return
        # An emitter stream gets a no-op 'error' listener for the write, so an
        # error it emits synchronously is not an unhandled 'error'; the write's
        # callback adds one for an error emitted later (Node's kWriteToConsole
        # and createWriteErrorHandler).
        emitter = _is_emitter(stream)
        try:
            if emitter and stream.listenerCount("error") == 0:
                stream.once("error", _noop)
            call(stream.write, text, self._stdout_error_handler if to_stdout
                 else self._stderr_error_handler)
        except RecursionError:  # Node: a stack overflow is not swallowed.
            raise
        except Exception:  # Node: errors on the console's streams are ignored.
            pass
        finally:
            if emitter:
                stream.removeListener("error", _noop)

    def _stdout_error_handler(self, err: Any = None) -> None:
        self._on_write_error(self._stdout, err)

    def _stderr_error_handler(self, err: Any = None) -> None:
        self._on_write_error(self._stderr, err)

    @staticmethod
    def _on_write_error(stream: Any, err: Any) -> None:
        """``createWriteErrorHandler``: a write failed and its 'error' is still
        to come: catch it with a one-off no-op listener, if no one listens."""
        if err is not None and _is_emitter(stream) and not error_emitted(stream) \
                and stream.listenerCount("error") == 0:
            stream.once("error", _noop)

    def _get_inspect_options(self, to_stdout: bool) -> dict[str, Any]:
        """``kGetInspectOptions``: colours as ``colorMode`` says (``'auto'``: when
        the stream is a TTY with colours), unless ``inspectOptions`` set them."""
        color = self._color_mode
        if color == "auto":
            color = should_colorize(self._stdout if to_stdout else self._stderr)
        options = self._inspect_options
        if options is not None:
            if "colors" not in options:
                options["colors"] = bool(color)  # decided once, as Node's optionsMap entry
            return options
        return {"colors": True} if color else {}

    def _format(self, args: tuple[Any, ...], to_stdout: bool = True) -> str:
        return format_with_options(self._get_inspect_options(to_stdout), *args)

    # -- printing ----------------------------------------------------------------

    def log(self, *data: Any) -> None:
        """Print ``util.format(*data)`` and a newline to stdout."""
        self._write(True, self._format(data))

    def info(self, *data: Any) -> None:
        """``console.log``'s alias."""
        self._write(True, self._format(data))

    def debug(self, *data: Any) -> None:
        """``console.log``'s alias."""
        self._write(True, self._format(data))

    def dirxml(self, *data: Any) -> None:
        """``console.log``'s alias."""
        self._write(True, self._format(data))

    def warn(self, *data: Any) -> None:
        """Print ``util.format(*data)`` and a newline to stderr."""
        self._write(False, self._format(data, False))

    def error(self, *data: Any) -> None:
        """``console.warn``'s alias: stderr."""
        self._write(False, self._format(data, False))

    def dir(self, obj: Any = None, options: Mapping[str, Any] | None = None,
            **kwargs: Any) -> None:
        """Print ``util.inspect(obj, options)`` (custom inspectors off) to stdout."""
        opts = {"customInspect": False, **self._get_inspect_options(True), **(options or {}),
                **kwargs}
        self._write(True, inspect(obj, opts))

    def trace(self, *data: Any) -> None:
        """Print ``Trace: <message>`` and the caller's stack to stderr."""
        frames = traceback.extract_stack()[:-1]
        lines = [f"    at {f.name} ({f.filename}:{f.lineno})" for f in reversed(frames)
                 if not f.filename.endswith(("pynet/console.py", "pynet\\console.py"))]
        message = self._format(data, False)
        head = f"Trace: {message}" if message else "Trace"
        self.error("\n".join([head, *lines]))

    def assert_(self, value: Any = None, *data: Any) -> None:
        """``console.assert``: when ``value`` is falsy, print
        ``Assertion failed[: message]`` to stderr (never raises)."""
        if _truthy(value):
            return
        if data:
            # args[0] becomes a template string, still read as a format string.
            self.warn(f"Assertion failed: {_label(data[0])}", *data[1:])
        else:
            self.warn("Assertion failed")

    def clear(self) -> None:
        """Clear a TTY stdout (``\\x1b[0f\\x1b[0J``); nothing otherwise."""
        if getattr(self._stdout, "isTTY", False) or _isatty(self._stdout):
            import os

            if os.environ.get("TERM") != "dumb":
                self._stdout.write("\x1b[1;1H\x1b[0J")

    # -- counters and timers -----------------------------------------------------

    def count(self, label: Any = "default") -> None:
        """Print ``label: n``, ``n`` the times ``count(label)`` was called."""
        label = _label(label)
        self._counts[label] = self._counts.get(label, 0) + 1
        self.log(f"{label}: {self._counts[label]}")

    def countReset(self, label: Any = "default") -> None:
        """Reset ``label``'s counter (a warning when there is none)."""
        label = _label(label)
        if label not in self._counts:
            process.emitWarning(f"Count for '{label}' does not exist")
            return
        del self._counts[label]

    def time(self, label: Any = "default") -> None:
        """Start a timer named ``label`` (a warning when it is running already)."""
        label = _label(label)
        if label in self._times:
            process.emitWarning(f"Label '{label}' already exists for console.time()")
            return
        self._times[label] = _time.perf_counter()

    def timeEnd(self, label: Any = "default") -> None:
        """Print ``label: 1.234ms`` and stop the timer."""
        label = _label(label)
        if self._time_log("timeEnd", label, None):
            del self._times[label]

    def timeLog(self, label: Any = "default", *data: Any) -> None:
        """Print ``label: 1.234ms`` and ``data``; the timer keeps running."""
        self._time_log("timeLog", _label(label), data)

    def _time_log(self, name: str, label: str, data: tuple[Any, ...] | None) -> bool:
        started = self._times.get(label)
        if started is None:
            process.emitWarning(f"No such label '{label}' for console.{name}()")
            return False
        formatted = format_time((_time.perf_counter() - started) * 1000)
        self.log("%s: %s", label, formatted, *(data or ()))
        return True

    # -- groups ------------------------------------------------------------------

    def group(self, *data: Any) -> None:
        """Print ``data`` (if any), then indent what follows by ``groupIndentation``."""
        if data:
            self.log(*data)
        self._group_indent += " " * self._group_width

    def groupCollapsed(self, *data: Any) -> None:
        """``console.group``'s alias."""
        self.group(*data)

    def groupEnd(self) -> None:
        """End the innermost group: indent by ``groupIndentation`` less."""
        self._group_indent = self._group_indent[:max(0, len(self._group_indent)
                                                       - self._group_width)]

    # -- table -------------------------------------------------------------------

    def table(self, tabularData: Any = None, properties: Any = None) -> None:
        """Print an array, a dict or a set as a table (``console.table``); anything
        else as ``console.log`` would."""
        if properties is not None and not isinstance(properties, (list, tuple)):
            raise invalid_arg_type("properties", "Array", properties)
        if not _is_object(tabularData):
            self.log(tabularData)
            return

        def show(v: Any) -> str:
            wide = _is_object(v) and not isinstance(v, (list, tuple, bytes, bytearray, memoryview))
            depth = -1 if wide and len(_own_items(v)) > 2 else 0
            return inspect(v, {"depth": depth, "maxArrayLength": 3, "breakLength": math.inf,
                               **self._get_inspect_options(True)})

        if isinstance(tabularData, (set, frozenset)):
            values = [show(v) for v in tabularData]
            index: list[str | None] = [show(i) for i in range(len(values))]
            self.log(_cli_table(["(iteration index)", "Values"], [index, [*values]]))
            return
        columns: dict[str, list[str | None]] = {}
        has_primitives = False
        values_column: list[str | None] = []
        index_keys: list[str | None] = [k for k, _ in _own_items(tabularData)]
        rows = [v for _, v in _own_items(tabularData)]
        for i, item in enumerate(rows):
            primitive = _is_primitive(item)
            if properties is None and primitive:
                has_primitives = True
                _set_at(values_column, i, show(item))
            else:
                item_items = dict(_own_items(item)) if _is_object(item) else {}
                for key in (list(properties) if properties is not None else list(item_items)):
                    key = _key(key)
                    column = columns.setdefault(key, [])
                    if (primitive and properties is not None) or key not in item_items:
                        _set_at(column, i, "")
                    else:
                        _set_at(column, i, show(item_items[key]))
        head = ["(index)", *columns]
        body: list[list[str | None]] = [[*index_keys], *columns.values()]
        if has_primitives:
            head.append("Values")
            body.append(values_column)
        self.log(_cli_table(head, body))


def _noop(*args: Any) -> None:
    """The console's own 'error' listener (Node's ``noop``)."""


def _is_emitter(stream: Any) -> bool:
    return all(callable(getattr(stream, name, None))
               for name in ("listenerCount", "once", "removeListener"))


def _truthy(value: Any) -> bool:
    if value is None or value is False:
        return False
    if is_number(value):
        return not (value == 0 or value != value)
    if isinstance(value, str):
        return value != ""
    return True


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except Exception:
        return False


def _label(label: Any) -> str:
    """```${label}```."""
    return label if isinstance(label, str) else to_string(label)


def _key(key: Any) -> str:
    return key if isinstance(key, str) else (number_to_string(key) if is_number(key)
                                            else str(key))


def _is_primitive(value: Any) -> bool:
    return value is None or isinstance(value, (bool, int, float, str))


def _is_object(value: Any) -> bool:
    """``value !== null && typeof value === 'object'`` (functions are not)."""
    return not _is_primitive(value) and (not callable(value) or isinstance(value, Mapping))


def _own_items(value: Any) -> list[tuple[str, Any]]:
    """``Object.keys(value)`` with the values: indices of a list, keys of a dict,
    public attributes of an instance."""
    if isinstance(value, Mapping):
        return [(_key(k), v) for k, v in value.items()]
    if isinstance(value, (list, tuple, bytes, bytearray)):
        return [(str(i), v) for i, v in enumerate(value)]
    if isinstance(value, (set, frozenset, memoryview)):
        return []
    attrs = getattr(value, "__dict__", {})
    return [(k, v) for k, v in attrs.items() if not k.startswith("_")]


def _set_at(column: list[str | None], index: int, text: str) -> None:
    """``column[index] = text`` on a sparse JavaScript array (holes are ``None``)."""
    while len(column) <= index:
        column.append(None)
    column[index] = text


def _cell_width(text: str) -> int:
    """``getStringWidth(text)``: the columns a cell takes, colour codes none."""
    return string_width(strip_vt_control_characters(text))


def _cli_table(head: list[str], columns: list[list[str | None]]) -> str:
    """lib/internal/cli_table.js: the box-drawn table."""
    widths = [_cell_width(h) for h in head]
    longest = max((len(c) for c in columns), default=0)
    rows: list[list[str]] = [[] for _ in range(longest)]
    for i, column in enumerate(columns):
        for j in range(longest):
            cell = column[j] if j < len(column) and column[j] is not None else ""
            rows[j].append(cell)  # type: ignore[arg-type]
            widths[i] = max(widths[i], _cell_width(cell))  # type: ignore[arg-type]

    def render(row: list[str]) -> str:
        cells = [cell + " " * (widths[i] - _cell_width(cell)) for i, cell in enumerate(row)]
        return "│ " + " │ ".join(cells) + " │"

    divider = ["─" * (w + 2) for w in widths]
    lines = ["┌" + "┬".join(divider) + "┐", render(head), "├" + "┼".join(divider) + "┤"]
    lines.extend(render(row) for row in rows)
    lines.append("└" + "┴".join(divider) + "┘")
    return "\n".join(lines)


def format_time(ms: float) -> str:
    """``formatTime``: ``1.234ms``, ``1.500s``, ``1:02.345 (m:ss.mmm)``,
    ``1:02:03.456 (h:mm:ss.mmm)``."""
    hours = minutes = 0
    seconds = 0.0
    if ms >= _K_SECOND:
        if ms >= _K_MINUTE:
            if ms >= _K_HOUR:
                hours = math.floor(ms / _K_HOUR)
                ms = ms % _K_HOUR
            minutes = math.floor(ms / _K_MINUTE)
            ms = ms % _K_MINUTE
        seconds = ms / _K_SECOND
    if hours or minutes:
        whole, fraction = f"{seconds:.3f}".split(".")
        head = f"{hours}:{minutes:02d}" if hours else f"{minutes}"
        return f"{head}:{whole.zfill(2)}.{fraction} ({'h:m' if hours else ''}m:ss.mmm)"
    if seconds:
        return f"{seconds:.3f}s"
    return f"{number_to_string(float(f'{ms:.3f}'))}ms"


class _ProcessStream:
    """The global console's stream: ``pynet.process.stdout``/``stderr``, as
    Node's console writes to ``process.stdout``/``stderr`` — unless Python's
    ``sys.stdout``/``sys.stderr`` has been replaced, then that replacement,
    flushed.

    Discussion: looked up at every write, not at import.  A replaced
    ``sys.stdout`` (``contextlib.redirect_stdout``, pytest's capture, a
    logging shim) is a Python program's way of saying where output goes, and
    ``print()`` obeys it; ``console.log`` obeys it too, rather than writing to
    descriptor 1 behind its back.  With the interpreter's own streams in place
    the console uses ``process.stdout``, so its lines keep their order with
    ``process.stdout.write`` (and ``print()``: that stream flushes
    ``sys.stdout`` before each write).
    """

    def __init__(self, name: str) -> None:
        self._name = name

    def _python_stream(self) -> Any:
        """The replacement of ``sys.stdout``/``sys.stderr``, or ``None``."""
        if self._name == "stdout":
            current, original = sys.stdout, sys.__stdout__
        else:
            current, original = sys.stderr, sys.__stderr__
        return current if current is not original and current is not None else None

    def _process_stream(self) -> Any:
        stream = getattr(process, self._name, None)
        return stream if callable(getattr(stream, "write", None)) else None

    def write(self, chunk: str) -> Any:
        """Write ``chunk`` to the stream of that name."""
        target = self._python_stream()
        if target is None:
            stream = self._process_stream()
            if stream is not None:
                return stream.write(chunk)
            target = sys.stdout if self._name == "stdout" else sys.stderr
        target.write(chunk)
        target.flush()
        return True

    def isatty(self) -> bool:
        """Whether the stream is a terminal."""
        target = self._python_stream()
        if target is None:
            stream = self._process_stream()
            if stream is not None:
                return bool(getattr(stream, "isTTY", False))
            target = sys.stdout if self._name == "stdout" else sys.stderr
        return _isatty(target)


#: The global console (Node's ``console`` object); the functions below are its methods.
globalConsole = Console(_ProcessStream("stdout"), _ProcessStream("stderr"))

log: Callable[..., None] = globalConsole.log
info: Callable[..., None] = globalConsole.info
debug: Callable[..., None] = globalConsole.debug
dirxml: Callable[..., None] = globalConsole.dirxml
warn: Callable[..., None] = globalConsole.warn
error: Callable[..., None] = globalConsole.error
dir: Callable[..., None] = globalConsole.dir  # noqa: A001 - Node's name
trace: Callable[..., None] = globalConsole.trace
assert_: Callable[..., None] = globalConsole.assert_
clear: Callable[[], None] = globalConsole.clear
count: Callable[..., None] = globalConsole.count
countReset: Callable[..., None] = globalConsole.countReset
time: Callable[..., None] = globalConsole.time
timeEnd: Callable[..., None] = globalConsole.timeEnd
timeLog: Callable[..., None] = globalConsole.timeLog
group: Callable[..., None] = globalConsole.group
groupCollapsed: Callable[..., None] = globalConsole.groupCollapsed
groupEnd: Callable[[], None] = globalConsole.groupEnd
table: Callable[..., None] = globalConsole.table
