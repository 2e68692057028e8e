"""Helpers shared by the stream modules: Node's ``internal/streams/utils.js`` and ``state.js``.

* :func:`get_high_water_mark` is ``state.js``'s ``getHighWaterMark``: the
  ``highWaterMark`` option (or, on a Duplex, ``readableHighWaterMark`` /
  ``writableHighWaterMark``), validated as a non-negative integer, else the
  default (16 KiB for bytes, 16 objects in object mode).
* :func:`tolerant` makes a user function arity-tolerant (mapping §5): it is
  called with as many positional arguments as it accepts.
* ``is_*`` predicates are ``utils.js``'s ``isReadable``/``isFinished``… used
  by ``finished`` and ``pipeline``; they read the state of pynet streams and
  fall back to Node's duck typing for other emitters.

Invariant: :func:`tolerant` returns the function itself when it already takes
enough arguments, so well-formed callbacks cost nothing extra per call.
"""

from __future__ import annotations

import inspect
import math
from collections.abc import Callable
from typing import Any

from pynet._core.calls import arity, fit
from pynet._js.validators import invalid_arg_type, invalid_arg_value

__all__ = ["DEFAULT_HIGH_WATER_MARK", "DEFAULT_OBJECT_HIGH_WATER_MARK", "get_high_water_mark",
           "js_length", "nop", "tolerant"]

#: Node 20's default high water mark for byte streams (``getDefaultHighWaterMark``).
DEFAULT_HIGH_WATER_MARK = 16384
#: ... and for object-mode streams.
DEFAULT_OBJECT_HIGH_WATER_MARK = 16


def nop(*args: Any) -> None:
    """Node's ``nop``: the write callback when the caller gave none."""


def tolerant(fn: Callable[..., Any], nargs: int) -> Callable[..., Any]:
    """``fn`` itself if it takes ``nargs`` positional arguments and is a plain
    function; else ``fn`` fitted (mapping §5: extra arguments dropped) and, for
    an ``async def``, its coroutine started as a task (mapping §8)."""
    if arity(fn) >= nargs and not inspect.iscoroutinefunction(fn):
        return fn
    return fit(fn)


def js_length(chunk: Any) -> int:
    """JavaScript's ``chunk.length``: bytes for buffers, UTF-16 code units for strings."""
    if type(chunk) is str:
        return len(chunk) + sum(1 for c in chunk if c > "\uffff")
    return len(chunk)


def get_high_water_mark(options: dict[str, Any], duplex_key: str, is_duplex: bool,
                        object_mode: bool) -> int:
    """Node's ``getHighWaterMark``: the option, validated, or the default."""
    hwm = options.get("highWaterMark")
    if hwm is None and is_duplex:
        hwm = options.get(duplex_key)
    if hwm is not None:
        if isinstance(hwm, bool) or not isinstance(hwm, (int, float)) or hwm < 0 or (
                isinstance(hwm, float) and (not math.isfinite(hwm) or hwm != int(hwm))):
            name = f"options.{duplex_key}" if is_duplex else "options.highWaterMark"
            raise invalid_arg_value(name, hwm)
        return int(hwm)
    return DEFAULT_OBJECT_HIGH_WATER_MARK if object_mode else DEFAULT_HIGH_WATER_MARK


def option_function(options: dict[str, Any], key: str, nargs: int) -> Callable[..., Any] | None:
    """An implementation function given as an option (``{'read': fn}``), made arity-tolerant.

    Node takes it only when ``typeof options[key] === 'function'``; anything
    else is ignored, as there."""
    fn = options.get(key)
    if fn is None or not callable(fn):
        return None
    return tolerant(fn, nargs)


def merge_options(options: Any, kwargs: dict[str, Any], name: str = "options") -> dict[str, Any]:
    """Mapping §3: an options dict, keyword arguments with the same keys, or both."""
    if options is None:
        return kwargs
    if not isinstance(options, dict):
        raise invalid_arg_type(name, "object", options)
    if kwargs:
        return {**options, **kwargs}
    return options


# ----------------------------------------------------------- stream predicates
# Node's utils.js; ``_has_r``/``_has_w`` stand for ``_readableState``/``_writableState``.

def _fn(obj: Any, name: str) -> bool:
    return callable(getattr(obj, name, None))


def has_r(obj: Any) -> bool:
    return bool(getattr(obj, "_has_r", False))


def has_w(obj: Any) -> bool:
    return bool(getattr(obj, "_has_w", False))


def error_emitted(stream: Any) -> bool:
    """``stream._writableState.errorEmitted``: the stream has emitted its
    'error' (false for an object that is not a Node writable)."""
    return bool(has_w(stream) and stream._error_emitted)


def is_readable_node_stream(obj: Any, strict: bool = False) -> bool:
    return bool(obj is not None and _fn(obj, "pipe") and _fn(obj, "on")
                and (not strict or (_fn(obj, "pause") and _fn(obj, "resume")))
                and (not has_w(obj) or (has_r(obj) and obj._r_readable_flag is not False)))


def is_writable_node_stream(obj: Any) -> bool:
    return bool(obj is not None and _fn(obj, "write") and _fn(obj, "on")
                and (not has_r(obj) or not has_w(obj) or obj._w_writable_flag is not False))


def is_node_stream(obj: Any) -> bool:
    return bool(obj is not None and (has_r(obj) or has_w(obj)
                                     or (_fn(obj, "write") and _fn(obj, "on"))
                                     or (_fn(obj, "pipe") and _fn(obj, "on"))))


def is_destroyed(stream: Any) -> bool:
    return bool(is_node_stream(stream) and getattr(stream, "destroyed", False))


def is_writable_ended(stream: Any) -> bool | None:
    if not is_writable_node_stream(stream):
        return None
    if getattr(stream, "writableEnded", None) is True:
        return True
    if not has_w(stream):
        return None
    if stream._errored:
        return False
    return bool(stream._w_ended)


def is_writable_finished(stream: Any, strict: bool | None = None) -> bool | None:
    if not is_writable_node_stream(stream):
        return None
    if getattr(stream, "writableFinished", None) is True:
        return True
    if not has_w(stream):
        return None
    if stream._errored:
        return False
    return bool(stream._w_finished or (strict is False and stream._w_ended
                                       and stream._w_length == 0))


def is_readable_finished(stream: Any, strict: bool | None = None) -> bool | None:
    if not is_readable_node_stream(stream):
        return None
    if not has_r(stream):
        return None
    if stream._errored:
        return False
    return bool(stream._r_end_emitted or (strict is False and stream._r_ended
                                          and stream._r_length == 0))


def is_readable(stream: Any) -> bool | None:
    if not isinstance(getattr(stream, "readable", None), bool):
        return None
    if is_destroyed(stream):
        return False
    return bool(is_readable_node_stream(stream) and stream.readable
                and not is_readable_finished(stream))


def is_writable(stream: Any) -> bool | None:
    if not isinstance(getattr(stream, "writable", None), bool):
        return None
    if is_destroyed(stream):
        return False
    return bool(is_writable_node_stream(stream) and stream.writable
                and not is_writable_ended(stream))


def is_finished(stream: Any, readable: bool = True, writable: bool = True) -> bool | None:
    if not is_node_stream(stream):
        return None
    if is_destroyed(stream):
        return True
    if readable and is_readable(stream):
        return False
    if writable and is_writable(stream):
        return False
    return True


def errored_of(stream: Any) -> Any:
    """``isWritableErrored(stream) || isReadableErrored(stream)``."""
    if not is_node_stream(stream):
        return None
    for name in ("writableErrored", "readableErrored"):
        value = getattr(stream, name, None)
        if value:
            return value
    if has_r(stream) or has_w(stream):
        return stream._errored
    return None


def is_closed(stream: Any) -> bool | None:
    if not is_node_stream(stream):
        return None
    closed = getattr(stream, "closed", None)
    if isinstance(closed, bool):
        return closed
    return None


def will_emit_close(stream: Any) -> bool:
    if not (has_r(stream) or has_w(stream)):
        return False
    return bool(stream._auto_destroy and stream._emit_close and not stream._closed)
