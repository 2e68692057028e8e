"""Destroying and constructing streams (Node's ``internal/streams/destroy.js``, v20).

Theory of operation
-------------------
* :func:`destroy` marks the stream destroyed (and errored, with an error) at
  once, then runs the class's ``_destroy(err, cb)``; when that calls back,
  ``'error'`` (if any) and then ``'close'`` (unless ``emitClose`` is False)
  are emitted on the next tick.  While ``_construct`` has not called back,
  ``_destroy`` waits for it.
* :func:`error_or_destroy` is how the state machines report an error: with
  ``autoDestroy`` (the default) it destroys; without, it only records the
  error and emits ``'error'``.
* :func:`construct` runs ``_construct(cb)`` on the next tick; reads and writes
  wait (``_constructed`` is False) until it calls back.

These are functions of the stream, bound as methods by the stream classes
(``destroy = destroy.destroy``), as Node assigns ``destroyImpl.destroy`` to
the prototypes.

Invariants: destroying is idempotent; ``'error'`` is emitted at most once;
``'close'`` at most once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from pynet import errors
from pynet._core.calls import settle
from pynet._streams.utils import tolerant

if TYPE_CHECKING:
    from pynet._streams.legacy import Stream

__all__ = ["aggregate_two_errors", "construct", "destroy", "destroyer", "error_or_destroy",
           "undestroy"]


def destroy(self: Stream, err: BaseException | None = None,
            cb: Callable[..., Any] | None = None) -> Stream:
    """Node's ``destroy(err, cb)``: destroy now; ``'error'`` then ``'close'`` follow."""
    if cb is not None:
        cb = tolerant(cb, 1) if callable(cb) else None
    if self._destroyed:
        if callable(cb):
            cb()
        return self
    if err is not None and self._errored is None:
        self._errored = err
    self._destroyed = True
    if not self._constructed:
        def after_construct(er: BaseException | None = None) -> None:
            _destroy(self, aggregate_two_errors(er, err), cb)
        self.once(_K_DESTROY, after_construct)
    else:
        _destroy(self, err, cb)
    return self


def _destroy(self: Stream, err: BaseException | None, cb: Callable[..., Any] | None) -> None:
    called = False

    def on_destroy(err: BaseException | None = None, *_: Any) -> None:
        nonlocal called
        if called:
            return
        called = True
        if err is not None and self._errored is None:
            self._errored = err
        self._closed = True
        if callable(cb):
            cb(err)
        if err is not None:
            self._loop.next_tick(self._emit_error_close_nt, err)
        else:
            self._loop.next_tick(self._emit_close_nt)

    try:
        settle(self._destroy(err, on_destroy))  # type: ignore[func-returns-value]
    except Exception as exc:
        on_destroy(exc)


def emit_error_close_nt(self: Stream, err: BaseException) -> None:
    self._emit_error_nt(err)
    self._emit_close_nt()


def emit_close_nt(self: Stream) -> None:
    self._close_emitted = True
    if self._emit_close:
        self.emit("close")


def emit_error_nt(self: Stream, err: BaseException) -> None:
    if self._error_emitted:
        return
    self._error_emitted = True
    self.emit("error", err)


def undestroy(self: Stream) -> None:
    """Reset the destroyed state so the stream can be used again (a socket's reconnect)."""
    self._constructed = True
    self._destroyed = False
    self._closed = False
    self._close_emitted = False
    self._errored = None
    self._error_emitted = False
    if self._has_r:
        self._r_reading = False
        self._r_ended = not self._r_readable_flag
        self._r_end_emitted = not self._r_readable_flag
    if self._has_w:
        self._w_final_called = False
        self._w_prefinished = False
        self._w_ended = self._w_ending = self._w_finished = not self._w_writable_flag


def error_or_destroy(self: Stream, err: BaseException | None, sync: bool = False) -> None:
    """Node's ``errorOrDestroy``: destroy with ``autoDestroy``, else record and emit."""
    if self._destroyed:
        return
    if self._auto_destroy:
        self.destroy(err)  # type: ignore[attr-defined]
    elif err is not None:
        if self._errored is None:
            self._errored = err
        if sync:
            self._loop.next_tick(self._emit_error_nt, err)
        else:
            self._emit_error_nt(err)


# Private event names (Node uses symbols): plain objects never equal a user's.
_K_DESTROY = object()
_K_CONSTRUCT = object()


def construct(stream: Stream, cb: Callable[[], None]) -> None:
    """Node's ``construct``: run ``_construct`` on the next tick, then ``cb``."""
    stream._constructed = False
    stream.once(_K_CONSTRUCT, cb)
    stream._loop.next_tick(_construct_nt, stream)


def _construct_nt(stream: Stream) -> None:
    called = False

    def on_construct(err: BaseException | None = None) -> None:
        nonlocal called
        if called:
            error_or_destroy(stream, err or errors.ERR_MULTIPLE_CALLBACK())
            return
        called = True
        stream._constructed = True
        if stream._destroyed:
            stream.emit(_K_DESTROY, err)
        elif err is not None:
            error_or_destroy(stream, err, True)
        else:
            stream.emit(_K_CONSTRUCT)

    def callback(err: BaseException | None = None, *_: Any) -> None:
        stream._loop.next_tick(on_construct, err)

    try:
        settle(stream._construct(callback))  # type: ignore[attr-defined]
    except Exception as exc:
        stream._loop.next_tick(on_construct, exc)


def aggregate_two_errors(inner: BaseException | None, outer: BaseException | None
                          ) -> BaseException | None:
    """Node's ``aggregateTwoErrors``: both errors, or whichever exists."""
    if inner is not None and outer is not None and inner is not outer:
        return errors.AggregateError([outer, inner], getattr(outer, "args", ("",))[0]
                                     if getattr(outer, "args", None) else "")
    return inner if inner is not None else outer


def destroyer(stream: Any, err: BaseException | None = None) -> None:
    """Node's ``destroyer``: destroy any stream-like, with AbortError if it never finished."""
    from pynet._streams.utils import is_destroyed, is_finished
    if stream is None or is_destroyed(stream):
        return
    if err is None and not is_finished(stream):
        from pynet.abort import AbortError
        err = AbortError()
    if callable(getattr(stream, "destroy", None)):
        stream.destroy(err)
    elif callable(getattr(stream, "close", None)):
        stream.close()
