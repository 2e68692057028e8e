"""Node's ``Readable.from(iterable[, options])`` (``lib/internal/streams/from.js``).

Theory of operation: a ``str`` or ``bytes`` becomes a stream of that one chunk
(Node's rule for strings and Buffers, mapping §13), in object mode unless the
options say otherwise.  Any other iterable is read one item per ``push``,
object mode and ``highWaterMark`` 1 by default, while ``push`` returns True;
``None`` as an item is ``ERR_STREAM_NULL_VALUES``; an exception from the
iterator destroys the stream with it.

An async iterable (``__aiter__``, looked for first as Node looks for
``Symbol.asyncIterator`` first: an ``async def`` generator, another
Readable) is read by a coroutine (Node's ``nextAsync``) that awaits each
``__anext__``.  A sync iterable is read synchronously until an item is a
thenable (a Promise): from then on each item is awaited (Node's
``changeToAsyncValues`` / ``nextSyncWithAsyncValues``), a ``None`` it
resolves to being ``ERR_STREAM_NULL_VALUES`` too.

A native ``async def`` generator is stepped as JavaScript steps one: its
``yield`` awaits the value (one microtask, or the promise it yields) before
the step settles, and the step's promise is awaited (one more): Node's
``await iterator.next()``, so that ``'data'`` comes in Node's order among
other microtasks.  Python's own ``await agen.__anext__()`` would run the
generator inline, with no microtask at all.

Destroying the stream closes the iterator (Node's ``close``: with an error,
the generator's ``throw``/``athrow`` first; then its ``close``/``aclose``, so
a ``finally`` runs), then calls back on the next tick with the error (or the
one closing raised).

Invariant: at most one pass over the iterator runs at a time (``reading``).
"""

from __future__ import annotations

import types
from collections.abc import Callable
from typing import Any

from pynet import errors
from pynet._core.promise import Promise, spawn
from pynet._js.validators import invalid_arg_type
from pynet._streams.utils import merge_options

__all__ = ["JSAsyncGenerator", "from_", "js_stepped"]


def _is_thenable(value: Any) -> bool:
    return value is not None and callable(getattr(value, "then", None))


async def _agen_step(iterator: Any) -> Any:
    # JavaScript's AsyncGeneratorYield: ``yield v`` is ``yield await v``.
    value = await iterator.__anext__()
    if not isinstance(value, types.CoroutineType):
        return await Promise.resolve(value)
    return value


def _agen_next(iterator: Any) -> Promise[Any]:
    """``iterator.next()`` of a JavaScript async generator: a Promise of the step."""
    return spawn(_agen_step(iterator))


class JSAsyncGenerator:
    """A native ``async def`` generator that ``async for`` steps as JavaScript's
    ``for await`` steps an async generator: ``__anext__`` is a Promise settled
    two microtasks after the ``yield`` (see the module docs)."""

    def __init__(self, agen: Any) -> None:
        self.agen = agen

    def __aiter__(self) -> JSAsyncGenerator:
        return self

    def __anext__(self) -> Promise[Any]:
        return _agen_next(self.agen)

    def aclose(self) -> Any:
        """The generator's ``aclose`` (JavaScript's ``return()``)."""
        return self.agen.aclose()

    def athrow(self, *args: Any) -> Any:
        """The generator's ``athrow`` (JavaScript's ``throw()``)."""
        return self.agen.athrow(*args)


def js_stepped(iterator: Any) -> Any:
    """``iterator`` itself, or a :class:`JSAsyncGenerator` around a native one."""
    if isinstance(iterator, types.AsyncGeneratorType):
        return JSAsyncGenerator(iterator)
    return iterator


def from_(readable_class: Any, iterable: Any, opts: Any = None, **kwargs: Any) -> Any:
    options = merge_options(opts, kwargs)
    if isinstance(iterable, (str, bytes, bytearray, memoryview)):
        def read(_n: int = 0) -> None:
            stream.push(iterable)
            stream.push(None)
        stream = readable_class({"objectMode": True, **options, "read": read})
        return stream
    iterator: Any
    if iterable is not None and hasattr(iterable, "__aiter__"):
        is_async = True
        iterator = iterable.__aiter__()
        native_generator = isinstance(iterator, types.AsyncGeneratorType)
    else:
        is_async = native_generator = False
        try:
            iterator = iter(iterable)
        except TypeError:
            raise invalid_arg_type("iterable", ["Iterable"], iterable) from None

    readable = readable_class({"objectMode": True, "highWaterMark": 1, **options})
    reading = False
    is_async_values = False

    def _read(_n: int = 0) -> None:
        nonlocal reading
        if not reading:
            reading = True
            if is_async:
                spawn(next_async())
            elif is_async_values:
                spawn(next_sync_with_async_values())
            else:
                next_sync_with_sync_values()

    def next_sync_with_sync_values() -> None:
        nonlocal reading
        while True:
            try:
                try:
                    value = next(iterator)
                except StopIteration:
                    readable.push(None)
                    return
                if _is_thenable(value):
                    spawn(change_to_async_values(value))
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

    async def change_to_async_values(value: Any) -> None:
        nonlocal reading, is_async_values
        is_async_values = True
        try:
            res = await value
            if res is None:
                reading = False
                raise errors.ERR_STREAM_NULL_VALUES()
            if readable.push(res):
                await next_sync_with_async_values()
                return
            reading = False
        except Exception as err:
            readable.destroy(err)

    async def next_sync_with_async_values() -> None:
        nonlocal reading
        while True:
            try:
                try:
                    value = next(iterator)
                except StopIteration:
                    readable.push(None)
                    return
                res = await value if _is_thenable(value) else value
                if res is None:
                    reading = False
                    raise errors.ERR_STREAM_NULL_VALUES()
                if readable.push(res):
                    continue
                reading = False
            except Exception as err:
                readable.destroy(err)
            break

    async def next_async() -> None:
        nonlocal reading
        while True:
            try:
                try:
                    if native_generator:
                        value = await _agen_next(iterator)
                    else:
                        value = await iterator.__anext__()
                except StopAsyncIteration:
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
        loop = readable._loop
        if is_async:
            def closed(_: Any = None) -> None:
                loop.next_tick(cb, error)

            def failed(exc: Any = None) -> None:
                loop.next_tick(cb, exc or error)
            Promise.resolve(close_async(error)).then(closed, failed)
            return
        try:
            close_sync(error)
        except Exception as exc:
            loop.next_tick(cb, exc or error)
            return
        loop.next_tick(cb, error)

    def close_sync(error: BaseException | None) -> None:
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

    async def close_async(error: BaseException | None) -> None:
        athrow = getattr(iterator, "athrow", None)
        if error is not None and callable(athrow):
            try:
                await athrow(error)
            except StopAsyncIteration:
                return
            except BaseException as exc:
                if exc is not error:
                    raise
                return
        aclose = getattr(iterator, "aclose", None)
        if callable(aclose):
            await aclose()

    readable._read = _read
    readable._destroy = _destroy
    return readable
