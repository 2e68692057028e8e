"""Node's ``stream.finished`` (``eos``, ``lib/internal/streams/end-of-stream.js``, v20).

Theory of operation: ``eos(stream, options, callback)`` listens for the events
that end a stream's life (``'end'``, ``'finish'``, ``'error'``, ``'close'``)
and calls ``callback(err)`` once: with no error when the sides asked for
(``readable``/``writable``, by default those the stream has) are done, with the
stream's error, or with ``ERR_STREAM_PREMATURE_CLOSE`` when ``'close'`` comes
first.  A stream that will emit ``'close'`` (``autoDestroy`` and
``emitClose``) is reported only at ``'close'``.  A stream that is already done
is reported on the next tick.  It returns a ``cleanup`` function that removes
every listener it added.

Invariant: the callback runs at most once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pynet import errors
from pynet._core.loop import get_loop
from pynet._js.validators import invalid_arg_type, validate_function
from pynet._streams.utils import (
    errored_of,
    has_r,
    has_w,
    is_closed,
    is_node_stream,
    is_readable,
    is_readable_finished,
    is_readable_node_stream,
    is_writable,
    is_writable_finished,
    is_writable_node_stream,
    merge_options,
    tolerant,
    will_emit_close,
)

__all__ = ["eos", "finished"]


def _nop(*args: Any) -> None:
    pass


def eos(stream: Any, options: Any = None, callback: Any = None, **kwargs: Any
        ) -> Callable[[], None]:
    """Node's ``finished(stream[, options], callback)``; returns the cleanup function."""
    if callback is None and not kwargs:  # finished(stream, callback)
        callback, options = options, None
    opts = merge_options(options, kwargs)
    validate_function(callback, "callback")
    signal = opts.get("signal")
    if signal is not None and not hasattr(signal, "aborted"):
        raise invalid_arg_type("options.signal", "AbortSignal", signal)
    if not is_node_stream(stream):
        raise invalid_arg_type("stream", ["ReadableStream", "WritableStream", "Stream"], stream)
    user_cb = tolerant(callback, 1)
    done = False
    loop = get_loop()

    def call(err: BaseException | None = None) -> None:
        nonlocal done
        if done:
            return
        done = True
        user_cb(err)

    readable = opts.get("readable")
    if readable is None:
        readable = is_readable_node_stream(stream)
    writable = opts.get("writable")
    if writable is None:
        writable = is_writable_node_stream(stream)

    state = {
        "will_emit_close": (will_emit_close(stream)
                            and is_readable_node_stream(stream) == readable
                            and is_writable_node_stream(stream) == writable),
        "writable_finished": is_writable_finished(stream, False),
        "readable_finished": is_readable_finished(stream, False),
    }

    def onlegacyfinish() -> None:
        if not getattr(stream, "writable", False):
            onfinish()

    def onfinish() -> None:
        state["writable_finished"] = True
        if getattr(stream, "destroyed", False):
            state["will_emit_close"] = False
        if state["will_emit_close"] and (not getattr(stream, "readable", False) or readable):
            return
        if not readable or state["readable_finished"]:
            call()

    def onend() -> None:
        state["readable_finished"] = True
        if getattr(stream, "destroyed", False):
            state["will_emit_close"] = False
        if state["will_emit_close"] and (not getattr(stream, "writable", False) or writable):
            return
        if not writable or state["writable_finished"]:
            call()

    def onerror(err: BaseException | None = None) -> None:
        call(err)

    def onclose() -> None:
        err = errored_of(stream)
        if err and not isinstance(err, bool):
            call(err)
            return
        if readable and not state["readable_finished"] and is_readable_node_stream(stream, True):
            if not is_readable_finished(stream, False):
                call(errors.ERR_STREAM_PREMATURE_CLOSE())
                return
        if writable and not state["writable_finished"]:
            if not is_writable_finished(stream, False):
                call(errors.ERR_STREAM_PREMATURE_CLOSE())
                return
        call()

    def onclosed() -> None:
        err = errored_of(stream)
        if err and not isinstance(err, bool):
            call(err)
            return
        call()

    legacy = writable and not has_w(stream)
    if legacy:
        stream.on("end", onlegacyfinish)
        stream.on("close", onlegacyfinish)
    stream.on("end", onend)
    stream.on("finish", onfinish)
    if opts.get("error") is not False:
        stream.on("error", onerror)
    stream.on("close", onclose)

    w_state, r_state = has_w(stream), has_r(stream)
    if is_closed(stream):
        loop.next_tick(onclose)
    elif (w_state or r_state) and stream._error_emitted:
        if not state["will_emit_close"]:
            loop.next_tick(onclosed)
    elif (not readable and (not state["will_emit_close"] or is_readable(stream))
          and (state["writable_finished"] or is_writable(stream) is False)
          and (not w_state or stream._w_pendingcb == 0)):
        loop.next_tick(onclosed)
    elif (not writable and (not state["will_emit_close"] or is_writable(stream))
          and (state["readable_finished"] or is_readable(stream) is False)):
        loop.next_tick(onclosed)

    def cleanup() -> None:
        nonlocal user_cb
        user_cb = _nop
        if legacy:
            stream.removeListener("end", onlegacyfinish)
            stream.removeListener("close", onlegacyfinish)
        stream.removeListener("finish", onfinish)
        stream.removeListener("end", onend)
        stream.removeListener("error", onerror)
        stream.removeListener("close", onclose)

    if signal is not None and not is_closed(stream):
        from pynet.abort import AbortError

        def abort() -> None:
            end_callback = user_cb
            cleanup()
            end_callback(AbortError(cause=signal.reason))

        if signal.aborted:
            loop.next_tick(abort)
        else:
            signal.addEventListener("abort", abort)
            inner = user_cb

            def with_dispose(err: BaseException | None = None) -> None:
                signal.removeEventListener("abort", abort)
                inner(err)

            user_cb = with_dispose
    return cleanup


finished = eos
