"""Node's ``Readable.from(iterable[, options])`` (``lib/internal/streams/from.js``).

Theory of operation: a ``str`` or ``bytes`` becomes a stream of that one chunk
(Node's rule for strings and Buffers, mapping §13), in object mode unless the
options say otherwise.  Any other iterable is read one item per ``push``,
object mode and ``highWaterMark`` 1 by default, while ``push`` returns True;
``None`` as an item is ``ERR_STREAM_NULL_VALUES``; an exception from the
iterator destroys the stream with it.  Destroying the stream closes the
iterator (a generator's ``finally`` runs), then calls back on the next tick.

Deliberate difference: async iterables (``async def`` generators) need the
promise machinery (mapping §8) and are refused with ``ERR_INVALID_ARG_TYPE``
until it lands; Node's ``await`` between items is one tick here.

Invariant: at most one pass over the iterator runs at a time (``reading``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from pynet import errors
from pynet._js.validators import invalid_arg_type
from pynet._streams.utils import merge_options

__all__ = ["from_"]


def from_(readable_class: Any, iterable: Any, opts: Any = None, **kwargs: Any) -> Any:
    options = merge_options(opts, kwargs)
    if isinstance(iterable, (str, bytes, bytearray, memoryview)):
        def read(_n: int = 0) -> None:
            stream.push(iterable)
            stream.push(None)
        stream = readable_class({"objectMode": True, **options, "read": read})
        return stream
    if hasattr(iterable, "__aiter__") and not hasattr(iterable, "__iter__"):
        raise invalid_arg_type("iterable", ["Iterable"], iterable)
    try:
        iterator: Iterator[Any] = iter(iterable)
    except TypeError:
        raise invalid_arg_type("iterable", ["Iterable"], iterable) from None

    readable = readable_class({"objectMode": True, "highWaterMark": 1, **options})
    reading = False

    def _read(_n: int = 0) -> None:
        nonlocal reading
        if reading:
            return
        reading = True
        while True:
            try:
                try:
                    value = next(iterator)
                except StopIteration:
                    readable.push(None)
                    return
                if value is None:
                    reading = False
                    raise errors.ERR_STREAM_NULL_VALUES()
                if readable.push(value):
                    continue
                reading = False
            except Exception as err:
                readable.destroy(err)
            break

    def _destroy(error: BaseException | None, cb: Callable[..., Any]) -> None:
        try:
            close(error)
        except Exception as exc:
            readable._loop.next_tick(cb, exc or error)
            return
        readable._loop.next_tick(cb, error)

    def close(error: BaseException | None) -> None:
        throw = getattr(iterator, "throw", None)
        if error is not None and callable(throw):
            try:
                throw(error)
            except StopIteration:
                return
            except BaseException as exc:
                if exc is not error:
                    raise
                return
        close_fn = getattr(iterator, "close", None)
        if callable(close_fn):
            close_fn()

    readable._read = _read
    readable._destroy = _destroy
    return readable
