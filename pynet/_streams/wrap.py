"""Node's ``Readable.wrap`` and ``readable.wrap(stream)`` (lib/internal/streams/readable.js).

Theory of operation
-------------------
An old-style stream (an emitter of ``'data'`` and ``'end'``, with perhaps
``pause``/``resume``, and no ``read()``) is read through a new Readable: each
``'data'`` chunk is pushed, and when ``push`` says the buffer is full the old
stream is paused until the next ``_read``; ``'end'`` pushes the end;
``'error'`` errors the Readable (``errorOrDestroy``); ``'close'`` and
``'destroy'`` destroy it.  Destroying the Readable destroys the old stream
(Node's ``destroyer``: its ``destroy``, else its ``close``).

The old stream's own public functions (its instance attributes, Node's
``Object.keys``) that the Readable has not are set on the Readable too
(Node's "proxy all the other methods", for filters and duplexes).

:func:`wrap_stream` is ``Readable.wrap(src, options)``: what the async
iterator uses for a stream without ``read()`` (``streamToAsyncIterator``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pynet._streams import destroy as _destroy_impl

__all__ = ["wrap", "wrap_stream"]


def wrap(readable: Any, stream: Any) -> Any:
    """``readable.wrap(stream)``: ``readable`` reads what ``stream`` emits; returns it."""
    paused = False

    def on_data(chunk: Any) -> None:
        nonlocal paused
        if not readable.push(chunk) and callable(getattr(stream, "pause", None)):
            paused = True
            stream.pause()

    def on_end() -> None:
        readable.push(None)

    def on_error(err: Any = None) -> None:
        _destroy_impl.error_or_destroy(readable, err)

    def on_destroy() -> None:
        readable.destroy()

    stream.on("data", on_data)
    stream.on("end", on_end)
    stream.on("error", on_error)
    stream.on("close", on_destroy)
    stream.on("destroy", on_destroy)

    def _read(_n: int = 0) -> None:
        nonlocal paused
        if paused and callable(getattr(stream, "resume", None)):
            paused = False
            stream.resume()

    readable._read = _read
    for name, value in list(getattr(stream, "__dict__", {}).items()):
        if (not name.startswith("_") and callable(value)
                and getattr(readable, name, None) is None):
            setattr(readable, name, value)
    return readable


def wrap_stream(src: Any, options: dict[str, Any] | None = None) -> Any:
    """``Readable.wrap(src[, options])``: a new Readable reading ``src``."""
    from pynet._streams.readable import Readable
    object_mode = getattr(src, "readableObjectMode", None)
    if object_mode is None:
        object_mode = getattr(src, "objectMode", None)

    def destroy(err: BaseException | None, callback: Callable[..., Any]) -> None:
        _destroy_impl.destroyer(src, err)
        callback(err)

    readable = Readable({"objectMode": True if object_mode is None else object_mode,
                         **(options or {}), "destroy": destroy})
    return wrap(readable, src)
