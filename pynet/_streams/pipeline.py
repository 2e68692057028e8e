"""Node's ``stream.pipeline(...streams, callback)`` (``lib/internal/streams/pipeline.js``).

Theory of operation
-------------------
Each pair of neighbours is joined with ``src.pipe(dst, end=False)``, ending
``dst`` on the source's ``'end'``; every stream is watched with ``finished``.
The first error (a premature close only if nothing better comes) destroys
every stream that has not finished (``ERR_STREAM_DESTROYED`` for those without
an error of their own) and reaches ``callback(err)`` on the next tick; without
an error the callback runs once every stream has finished.  The return value
is the last stream.  A first argument that is an iterable (not a stream) is
read through ``Readable.from_``.

Deliberate difference: generator functions as stages (Node's async
iterables), and the promise form (``stream.promises.pipeline``), belong to the
promise machinery (mapping §8) and are not accepted here.

Invariant: ``callback`` is called exactly once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pynet import errors
from pynet._core.loop import get_loop
from pynet._js.nodeobject import NodeObject
from pynet._js.validators import determine_specific_type, invalid_arg_type, validate_function
from pynet._streams import destroy as _destroy_impl
from pynet._streams.end_of_stream import eos
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
    state: dict[str, Any] = {"error": None, "finish_count": 0, "done": False}

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
            loop.next_tick(callback, error, None)

    ret: Any = None
    for i, stream in enumerate(streams):
        reading = i < len(streams) - 1
        writing = i > 0
        end = reading or opts.get("end") is not False
        is_last = i == len(streams) - 1
        if i == 0 and not is_node_stream(stream):
            if callable(stream) and not hasattr(stream, "__iter__"):
                # A source function (a generator function): called with
                # {signal}, it must return an iterable.
                made = tolerant(stream, 1)(NodeObject(signal=ac.signal))
                if made is None or not hasattr(made, "__iter__"):
                    raise errors.ERR_INVALID_RETURN_VALUE(
                        "Expected Iterable, AsyncIterable or Stream to be returned from the "
                        f'"source" function but got {_received(made)}.')
                stream = made
            stream = _from_iterable(stream)
        if is_node_stream(stream):
            if end:
                destroy, cleanup = _destroyer(stream, reading, writing)
                destroys.append(destroy)
                if is_readable(stream) and is_last:
                    last_stream_cleanup.append(cleanup)

            def on_error(err: BaseException | None = None) -> None:
                if (err is not None and getattr(err, "name", None) != "AbortError"
                        and getattr(err, "code", None) != "ERR_STREAM_PREMATURE_CLOSE"):
                    finish(err)

            stream.on("error", on_error)
            if is_readable(stream) and is_last:
                last_stream_cleanup.append(_remover(stream, "error", on_error))
        else:
            raise invalid_arg_type(
                "val", ["Readable", "Iterable", "AsyncIterable", "ReadableStream",
                        "TransformStream"], stream)
        if i == 0:
            ret = stream
        else:
            if not is_readable_node_stream(ret):
                raise invalid_arg_type(
                    "val", ["Readable", "Iterable", "AsyncIterable", "ReadableStream",
                            "TransformStream"], ret)
            state["finish_count"] += 2
            cleanup = _pipe(ret, stream, finish, end)
            if is_readable(stream) and is_last:
                last_stream_cleanup.append(cleanup)
            ret = stream
    if outer_signal is not None and outer_signal.aborted:
        loop.next_tick(abort)
    return ret


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


def _from_iterable(value: Any) -> Any:
    if value is None or not hasattr(value, "__iter__"):
        raise invalid_arg_type(
            "val", ["Readable", "Iterable", "AsyncIterable", "ReadableStream",
                    "TransformStream"], value)
    from pynet._streams.readable import Readable
    return Readable.from_(value)


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
