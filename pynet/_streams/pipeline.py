"""Node's ``stream.pipeline(...streams, callback)`` (``lib/internal/streams/pipeline.js``).

Theory of operation
-------------------
Each pair of neighbours is joined with ``src.pipe(dst, end=False)``, ending
``dst`` on the source's ``'end'``; every stream is watched with ``finished``.
The first error (a premature close only if nothing better comes) destroys
every stream that has not finished (``ERR_STREAM_DESTROYED`` for those without
an error of their own) and reaches ``callback(err)`` on the next tick; without
an error the callback runs once every stream has finished, with the
pipeline's value.  The return value is the last stream.

Stages that are not streams are Node's too:

* the source may be an iterable (sync or async: a list, a ``str``, a
  generator, an ``async def`` generator) or a function called with
  ``{signal}`` that returns one;
* a function in the middle (an async generator function) is called with the
  previous stage as an async iterable (a Readable is one) and ``{signal}``,
  and must return an async iterable;
* a function as the last stage (an ``async def``, or an async generator
  function) gets the same arguments; what its coroutine returns is the
  pipeline's value (``callback(err, value)``, what ``stream.promises.pipeline``
  resolves to), and pipeline returns a PassThrough carrying it (or what the
  async generator yields), as Node's proxy stream.

An iterable followed by a stream is pumped into it (Node's ``pumpToNode``: a
coroutine that writes each chunk, waits for ``'drain'`` when ``write`` returns
false, then ends it and waits for its finish); leaving the loop early closes
the iterator (JavaScript's ``return()``).  A sync iterable is read as
``for await`` reads it: each value awaited, so a ``str`` gives its
characters, as Node's string source does.

Invariant: ``callback`` is called exactly once.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from pynet import errors
from pynet._core.calls import settle
from pynet._core.loop import get_loop
from pynet._core.promise import Promise, spawn
from pynet._js.nodeobject import NodeObject
from pynet._js.validators import determine_specific_type, invalid_arg_type, validate_function
from pynet._streams import destroy as _destroy_impl
from pynet._streams.end_of_stream import eos
from pynet._streams.from_ import js_stepped
from pynet._streams.utils import (
    has_r,
    is_node_stream,
    is_readable,
    is_readable_finished,
    is_readable_node_stream,
    tolerant,
)
from pynet.abort import AbortController

__all__ = ["pipeline"]


def pipeline(*streams: Any, **options: Any) -> Any:
    """``pipeline(source, ...transforms, destination, callback)``; returns the destination."""
    if not streams:
        raise errors.ERR_INVALID_ARG_TYPE(
            'The "streams[stream.length - 1]" argument must be of type function. '
            "Received undefined")
    callback = streams[-1]
    validate_function(callback, "streams[stream.length - 1]")
    return pipeline_impl(list(streams[:-1]), tolerant(callback, 2), options)


def _destroyer(stream: Any, reading: bool, writing: bool
               ) -> tuple[Callable[[Any], None], Callable[[], None]]:
    finished = False

    def on_close() -> None:
        nonlocal finished
        finished = True

    stream.on("close", on_close)

    def on_eos(err: BaseException | None = None) -> None:
        nonlocal finished
        finished = err is None

    cleanup = eos(stream, {"readable": reading, "writable": writing}, on_eos)

    def destroy(err: BaseException | None) -> None:
        nonlocal finished
        if finished:
            return
        finished = True
        _destroy_impl.destroyer(stream, err or errors.ERR_STREAM_DESTROYED("pipe"))

    return destroy, cleanup


def pipeline_impl(streams: list[Any], callback: Callable[..., Any],
                  opts: dict[str, Any]) -> Any:
    if len(streams) == 1 and isinstance(streams[0], (list, tuple)):
        streams = list(streams[0])
    if len(streams) < 2:
        raise errors.ERR_MISSING_ARGS('The "streams" argument must be specified')
    loop = get_loop()
    outer_signal = opts.get("signal")
    if outer_signal is not None and not hasattr(outer_signal, "aborted"):
        raise invalid_arg_type("options.signal", "AbortSignal", outer_signal)
    last_stream_cleanup: list[Callable[[], None]] = []
    destroys: list[Callable[[Any], None]] = []
    state: dict[str, Any] = {"error": None, "finish_count": 0, "done": False, "value": None}

    def abort() -> None:
        from pynet.abort import AbortError
        finish_impl(AbortError(cause=getattr(outer_signal, "reason", None)), False)

    if outer_signal is not None:
        outer_signal.addEventListener("abort", abort)

    def finish(err: BaseException | None = None) -> None:
        state["finish_count"] -= 1
        finish_impl(err, state["finish_count"] == 0)

    ac = AbortController()

    def finish_impl(err: BaseException | None, final: bool) -> None:
        error = state["error"]
        if err is not None and (error is None
                                or getattr(error, "code", None) == "ERR_STREAM_PREMATURE_CLOSE"):
            state["error"] = error = err
        if error is None and not final:
            return
        while destroys:
            destroys.pop(0)(error)
        if outer_signal is not None:
            outer_signal.removeEventListener("abort", abort)
        ac.abort()
        if final and not state["done"]:
            state["done"] = True
            if error is None:
                for fn in last_stream_cleanup:
                    fn()
            loop.next_tick(callback, error, state["value"])

    def add_destroyer(stream: Any, reading: bool, writing: bool, is_last: bool) -> None:
        destroy, cleanup = _destroyer(stream, reading, writing)
        destroys.append(destroy)
        if is_readable(stream) and is_last:
            last_stream_cleanup.append(cleanup)

    def pump(iterable: Any, writable: Any, end: bool) -> None:
        state["finish_count"] += 1
        spawn(_pump_to_node(iterable, writable, finish, end))

    ret: Any = None
    for i, stream in enumerate(streams):
        reading = i < len(streams) - 1
        writing = i > 0
        end = reading or opts.get("end") is not False
        is_last = i == len(streams) - 1
        if is_node_stream(stream):
            if end:
                add_destroyer(stream, reading, writing, is_last)

            def on_error(err: BaseException | None = None) -> None:
                # Catch stream errors that occur after the pipe has completed.
                if (err is not None and getattr(err, "name", None) != "AbortError"
                        and getattr(err, "code", None) != "ERR_STREAM_PREMATURE_CLOSE"):
                    finish(err)

            stream.on("error", on_error)
            if is_readable(stream) and is_last:
                last_stream_cleanup.append(_remover(stream, "error", on_error))
        if i == 0:
            if _is_function(stream):
                # A source function (a generator function): called with
                # {signal}, it must return an iterable.
                ret = settle(tolerant(stream, 1)(NodeObject(signal=ac.signal)))
                if not _is_iterable(ret):
                    raise errors.ERR_INVALID_RETURN_VALUE(
                        "Expected Iterable, AsyncIterable or Stream to be returned from the "
                        f'"source" function but got {_received(ret)}.')
            elif _is_iterable(stream) or is_readable_node_stream(stream):
                ret = stream
            else:
                # Node makes anything else a Duplex (Duplex.from), which
                # pynet has not: the argument is refused as Node refuses
                # what Duplex.from cannot take.
                raise _invalid_val(stream)
        elif _is_function(stream):
            # An async generator function (a transform) or an async function
            # (the destination), called with the previous stage as an async
            # iterable and {signal}.
            ret = settle(tolerant(stream, 2)(_make_async_iterable(ret),
                                             NodeObject(signal=ac.signal)))
            if reading:
                if not hasattr(ret, "__aiter__"):
                    raise errors.ERR_INVALID_RETURN_VALUE(
                        'Expected AsyncIterable to be returned from the "transform['
                        f'{i - 1}]" function but got {_received(ret)}.')
            else:
                ret = _destination(ret, end, state, finish, pump)
                add_destroyer(ret, False, True, is_last)
        elif is_node_stream(stream):
            if is_readable_node_stream(ret):
                state["finish_count"] += 2
                cleanup = _pipe(ret, stream, finish, end)
                if is_readable(stream) and is_last:
                    last_stream_cleanup.append(cleanup)
            elif _is_iterable(ret):
                pump(ret, stream, end)
            else:
                raise _invalid_val(ret)
            ret = stream
        else:
            raise _invalid_val(stream)
    if outer_signal is not None and outer_signal.aborted:
        loop.next_tick(abort)
    return ret


def _destination(ret: Any, end: bool, state: dict[str, Any], finish: Callable[..., None],
                 pump: Callable[[Any, Any, bool], None]) -> Any:
    """The PassThrough standing for a function as the last stage (Node's
    proxy stream, so that ``pipeline()`` always returns a stream): it gets
    what the function's promise resolves to (also the pipeline's value), or
    what its async iterable yields."""
    from pynet._streams.transform import PassThrough
    pt = PassThrough({"objectMode": True})
    loop = get_loop()
    then = getattr(ret, "then", None)
    if callable(then):
        state["finish_count"] += 1

        def fulfilled(val: Any = None) -> None:
            state["value"] = val
            if val is not None:
                pt.write(val)
            if end:
                pt.end()
            loop.next_tick(finish)

        def rejected(err: Any = None) -> None:
            pt.destroy(err)
            loop.next_tick(finish, err)

        then(fulfilled, rejected)
    elif hasattr(ret, "__aiter__"):
        pump(ret, pt, end)
    else:
        raise errors.ERR_INVALID_RETURN_VALUE(
            'Expected AsyncIterable or Promise to be returned from the "destination" '
            f"function but got {_received(ret)}.")
    return pt


def _is_function(value: Any) -> bool:
    """JavaScript's ``typeof value === 'function'``: a callable that is not a
    stream or an iterable (classes aside, which Python also calls)."""
    return (callable(value) and not isinstance(value, type) and not is_node_stream(value)
            and not _is_iterable(value))


def _is_iterable(value: Any) -> bool:
    """Node's ``isIterable``: sync or async iterable (a Readable is one)."""
    return value is not None and (hasattr(value, "__aiter__") or hasattr(value, "__iter__"))


def _invalid_val(value: Any) -> Exception:
    return invalid_arg_type(
        "val", ["Readable", "Iterable", "AsyncIterable", "ReadableStream", "TransformStream"],
        value)


def _make_async_iterable(value: Any) -> Any:
    """Node's ``makeAsyncIterable``: what a function stage gets as its source.

    JavaScript's ``for await`` also takes a sync iterable; Python's
    ``async for`` does not, so a sync one is wrapped (:class:`_SyncToAsync`)."""
    if hasattr(value, "__aiter__"):
        return js_stepped(value)
    if _is_iterable(value):
        return _SyncToAsync(value)
    raise invalid_arg_type("val", ["Readable", "Iterable", "AsyncIterable"], value)


class _SyncToAsync:
    """JavaScript's ``CreateAsyncFromSyncIterator``: ``for await`` over a sync
    iterable awaits each value (a thenable is adopted); ``aclose`` is the sync
    iterator's ``return()`` (a generator's ``close``)."""

    def __init__(self, iterable: Any) -> None:
        self._it = iter(iterable)

    def __aiter__(self) -> _SyncToAsync:
        return self

    async def __anext__(self) -> Any:
        try:
            value = next(self._it)
        except StopIteration:
            raise StopAsyncIteration from None
        return await Promise.resolve(value)

    async def aclose(self) -> None:
        close = getattr(self._it, "close", None)
        if callable(close):
            close()


async def _pump_to_node(iterable: Any, writable: Any, finish: Callable[..., None],
                        end: bool) -> None:
    """Node's ``pumpToNode``: ``for await`` over ``iterable``, writing each
    chunk to ``writable`` and waiting for ``'drain'`` when it asks; then
    ``end()`` and wait for its finish.  The first error (the writable's, or
    the iterator's) reaches ``finish``."""
    error: BaseException | None = None
    onresolve: Callable[[], None] | None = None

    def resume(err: BaseException | None = None) -> None:
        nonlocal error, onresolve
        if err is not None:
            error = err
        if onresolve is not None:
            callback, onresolve = onresolve, None
            callback()

    def wait() -> Promise[None]:
        def executor(resolve: Callable[..., None], reject: Callable[..., None]) -> None:
            nonlocal onresolve
            if error is not None:
                reject(error)
            else:
                def on_resolve() -> None:
                    if error is not None:
                        reject(error)
                    else:
                        resolve(None)
                onresolve = on_resolve
        return Promise(executor)

    writable.on("drain", resume)
    cleanup = eos(writable, {"readable": False}, resume)
    try:
        if writable.writableNeedDrain:
            await wait()
        iterator = (js_stepped(iterable.__aiter__()) if hasattr(iterable, "__aiter__")
                    else _SyncToAsync(iterable))
        while True:
            try:
                chunk = await iterator.__anext__()
            except StopAsyncIteration:
                break
            try:
                if not writable.write(chunk):
                    await wait()
            except BaseException:
                # The loop left abruptly: JavaScript calls the iterator's return().
                aclose = getattr(iterator, "aclose", None)
                if callable(aclose):
                    with contextlib.suppress(Exception):
                        await aclose()
                raise
        if end:
            writable.end()
            await wait()
        finish()
    except Exception as err:
        finish(_destroy_impl.aggregate_two_errors(error, err) if error is not err else err)
    finally:
        cleanup()
        writable.off("drain", resume)


def _received(value: Any) -> str:
    """Node's ``ERR_INVALID_RETURN_VALUE`` wording of the value (``type number (5)``)."""
    if value is None:
        return "undefined"
    text = determine_specific_type(value)
    return text if text.startswith(("type ", "an instance", "function")) else f"type {text}"


def _remover(stream: Any, event: str, fn: Callable[..., Any]) -> Callable[[], None]:
    def remove() -> None:
        stream.removeListener(event, fn)
    return remove


def _pipe(src: Any, dst: Any, finish: Callable[..., None], end: bool) -> Callable[[], None]:
    ended = False
    loop = get_loop()

    def on_dst_close() -> None:
        if not ended:
            finish(errors.ERR_STREAM_PREMATURE_CLOSE())

    dst.on("close", on_dst_close)
    src.pipe(dst, {"end": False})
    if end:
        def end_fn() -> None:
            nonlocal ended
            ended = True
            dst.end()

        if is_readable_finished(src):
            loop.next_tick(end_fn)
        else:
            src.once("end", end_fn)
    else:
        finish()

    def on_src_eos(err: BaseException | None = None) -> None:
        if (err is not None and getattr(err, "code", None) == "ERR_STREAM_PREMATURE_CLOSE"
                and has_r(src) and src._r_ended and not src._errored
                and not src._error_emitted):
            src.once("end", finish).once("error", finish)
        else:
            finish(err)

    eos(src, {"readable": True, "writable": False}, on_src_eos)
    return eos(dst, {"readable": False, "writable": True}, finish)
