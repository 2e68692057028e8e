"""``readable[Symbol.asyncIterator]()``: ``async for chunk in sock``.

Theory of operation
-------------------
Node's ``createAsyncIterator`` (lib/internal/streams/readable.js) is an async
generator over ``stream.read()``: it listens to ``'readable'``, and to the end
of the stream (``eos``: ``'end'``, ``'error'``, a premature ``'close'``); each
step returns the next chunk ``read()`` gives, throws the stream's error, or
finishes after ``'end'``; when ``read()`` has nothing it waits for the next
of those events.  Leaving the loop early (``break``, an exception) destroys the
stream (``destroyOnReturn``, default true), as does an error; after a normal
end the stream is destroyed as ``autoDestroy`` would.

Here the generator is :class:`ReadableAsyncIterator`, a plain object whose
``__anext__`` is a coroutine, with its listeners on a separate
:class:`_State` so that nothing the stream holds refers to the iterator.  That
is what makes a plain ``break`` work as JavaScript's ``return()`` does
(mapping §13): CPython drops the iterator as the loop is left, and its
``__del__`` destroys the stream before the next callback runs.

Invariants: the iterator finishes once (on end, error or return); its
listeners are removed when it leaves the stream alive and kept when it
destroys it (as Node's, so a later ``'error'`` is not uncaught); a waiting
``__anext__`` is woken by the first event after it started waiting.
"""

from __future__ import annotations

from typing import Any

from pynet import errors
from pynet._core.promise import Promise, pending, settle_with

__all__ = ["ReadableAsyncIterator"]

_UNSET: Any = object()  # Node's ``error === undefined``: the stream is still going.


class _State:
    """The listeners of one iterator and what they saw (``eos``'s outcome)."""

    def __init__(self, stream: Any, destroy_on_return: bool) -> None:
        self.stream = stream
        self.destroy_on_return = destroy_on_return
        self.wake: Promise[None] | None = None  # What a waiting __anext__ awaits.
        self.error: Any = _UNSET  # None: ended; an exception: failed
        self.closed = False
        stream.on("readable", self.on_readable)
        stream.on("end", self.on_end)
        stream.on("error", self.on_error)
        stream.on("close", self.on_close)
        if stream.readableEnded:
            self.error = None
        elif stream.destroyed and stream.errored is not None:
            self.error = stream.errored

    def _wake(self) -> None:
        wake, self.wake = self.wake, None
        if wake is not None:
            settle_with(wake)

    # 'readable' only wakes the waiting __anext__ (Node's ``next``): the
    # listener is _wake itself, one call less per chunk.
    on_readable = _wake

    def on_end(self) -> None:
        if self.error is _UNSET:
            self.error = None
        self._wake()

    def on_error(self, err: Any = None) -> None:
        self.error = err
        self._wake()

    def on_close(self) -> None:
        if self.error is _UNSET and not self.stream.readableEnded:
            self.error = errors.ERR_STREAM_PREMATURE_CLOSE()
        self._wake()

    def finish(self, returned: bool) -> None:
        """The generator's ``finally``: destroy the stream, or just stop listening."""
        if self.closed:
            return
        self.closed = True
        stream = self.stream
        failed = self.error is not _UNSET and self.error is not None
        if (failed or self.destroy_on_return) and (
                returned or getattr(stream, "_auto_destroy", True)):
            # As Node's: the listeners stay, so an 'error' the destroyed
            # stream emits later has a listener (eos's) and is not uncaught.
            stream.destroy()
            return
        stream.removeListener("readable", self.on_readable)
        stream.removeListener("end", self.on_end)
        stream.removeListener("error", self.on_error)
        stream.removeListener("close", self.on_close)


class ReadableAsyncIterator:
    """What ``readable.__aiter__()`` returns; see the module docs."""

    __slots__ = ("_state",)

    def __init__(self, stream: Any, destroy_on_return: bool = True) -> None:
        self._state = _State(stream, destroy_on_return)

    def __aiter__(self) -> ReadableAsyncIterator:
        return self

    async def __anext__(self) -> Any:
        state = self._state
        stream = state.stream
        while True:
            if state.closed:
                raise StopAsyncIteration
            chunk = None if stream.destroyed else stream.read()
            if chunk is not None:
                return chunk
            error = state.error
            if error is not _UNSET:
                state.finish(False)
                if error is None:
                    raise StopAsyncIteration
                raise error
            wake = state.wake = pending()
            await wake

    def return_(self) -> Promise[None]:
        """JavaScript's ``iterator.return()``: leave early (destroys the stream)."""
        self._state.finish(True)
        return Promise.resolve(None)

    async def aclose(self) -> None:
        self._state.finish(True)

    def __del__(self) -> None:
        state = getattr(self, "_state", None)
        if state is not None and not state.closed:
            try:
                state.finish(True)
            except Exception:  # Nothing may escape __del__; destroy() reports by events.
                pass
