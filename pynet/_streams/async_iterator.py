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

As a JavaScript async generator, it does nothing until the first
``__anext__`` (no listeners; ``return_()`` before it leaves the stream alone),
and ``__anext__`` calls made while one is under way wait their turn, so
several pending ``next()`` promises settle in order (values, then the error,
then done).  Leaving early destroys through Node's ``destroyer``: an
``AbortError`` when the stream has not finished, ``close()`` for a stream
without ``destroy``.  A stream without ``read()`` (an old-style ``Stream``
emitting ``'data'``) is read through ``Readable.wrap`` (:mod:`wrap`), as
Node's ``streamToAsyncIterator`` does; ``iterator.stream`` is the stream read.

Here the generator is :class:`ReadableAsyncIterator`, a plain object whose
``__anext__`` returns a Promise (a coroutine run as a task, settled one
microtask after the chunk is there, as JavaScript's ``yield`` awaits it, so
that ``async for`` takes Node's microtask steps), with its listeners on a separate
:class:`_State` so that nothing the stream holds refers to the iterator.  That
is what makes a plain ``break`` work as JavaScript's ``return()`` does
(mapping §13): CPython drops the iterator as the loop is left, and its
``__del__`` destroys the stream before the next callback runs.

Invariants: the iterator finishes once (on end, error or return); its
listeners are removed when it leaves the stream alive and kept when it
destroys it (as Node's, so a later ``'error'`` is not uncaught); a waiting
``__anext__`` is woken by the first event after it started waiting; at most
one ``__anext__`` runs at a time (``running``; the rest are in ``queue``).
"""

from __future__ import annotations

from collections import deque
from typing import Any

from pynet import errors
from pynet._core.promise import Promise, pending, settle_with, spawn
from pynet._streams.destroy import destroyer

__all__ = ["ReadableAsyncIterator"]

_UNSET: Any = object()  # Node's ``error === undefined``: the stream is still going.


class _State:
    """The listeners of one iterator and what they saw (``eos``'s outcome)."""

    def __init__(self, stream: Any, destroy_on_return: bool) -> None:
        self.stream = stream
        self.destroy_on_return = destroy_on_return
        self.wake: Promise[None] | None = None  # What a waiting __anext__ awaits.
        self.error: Any = _UNSET  # None: ended; an exception: failed
        self.started = False
        self.closed = False
        self.running = False  # An __anext__ is under way.
        self.queue: deque[Promise[None]] | None = None  # __anext__ calls waiting their turn.

    def start(self) -> None:
        """The generator's first step: from here it listens (Node attaches
        nothing before the first ``next()``)."""
        self.started = True
        stream = self.stream
        stream.on("readable", self.on_readable)
        stream.on("end", self.on_end)
        stream.on("error", self.on_error)
        stream.on("close", self.on_close)
        if stream.readableEnded:
            self.error = None
        elif stream.destroyed and stream.errored is not None:
            self.error = stream.errored
        elif getattr(stream, "closed", False):
            # eos on a stream already closed: its 'close' came before 'end'.
            self.error = errors.ERR_STREAM_PREMATURE_CLOSE()

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

    def finish(self) -> None:
        """The generator's ``finally``: destroy the stream, or just stop listening.

        Node's condition: destroyed when it failed, or was left early, unless
        ``destroyOnReturn`` is false; after an end or an error only with
        ``autoDestroy``.  Destroyed as Node's ``destroyer`` does: with an
        ``AbortError`` when it has not finished, by ``close()`` when it has
        no ``destroy``.  A generator that never started has nothing to undo
        (JavaScript's ``return()`` before the first ``next()``)."""
        if self.closed:
            return
        self.closed = True
        if not self.started:
            return
        stream = self.stream
        error = self.error
        if ((error is not _UNSET and error is not None) or self.destroy_on_return) and (
                error is _UNSET or getattr(stream, "_auto_destroy", True)):
            # As Node's: the listeners stay, so an 'error' the destroyed
            # stream emits later has a listener (eos's) and is not uncaught.
            destroyer(stream, None)
            return
        stream.removeListener("readable", self.on_readable)
        stream.removeListener("end", self.on_end)
        stream.removeListener("error", self.on_error)
        stream.removeListener("close", self.on_close)


class ReadableAsyncIterator:
    """What ``readable.__aiter__()`` returns; see the module docs."""

    __slots__ = ("_state",)

    def __init__(self, stream: Any, destroy_on_return: bool = True) -> None:
        if not callable(getattr(stream, "read", None)):
            # Node's streamToAsyncIterator: an old-style stream (only 'data'
            # and 'end' events) is read through Readable.wrap.
            from pynet._streams.wrap import wrap_stream
            stream = wrap_stream(stream, {"objectMode": True})
        self._state = _State(stream, destroy_on_return)

    @property
    def stream(self) -> Any:
        """Node's ``iterator.stream``: the stream it reads."""
        return self._state.stream

    def __aiter__(self) -> ReadableAsyncIterator:
        return self

    def __anext__(self) -> Promise[Any]:
        # Discussion: JavaScript steps an async generator in microtasks: its
        # ``yield chunk`` awaits the chunk, then ``for await`` awaits the
        # step's promise.  Returning a Promise (settled one microtask after
        # the chunk is there) gives ``async for`` those two steps, where a
        # coroutine ``__anext__`` would hand a buffered chunk over inline.
        return spawn(self._step())

    async def _step(self) -> Any:
        chunk = await self._turn()
        await Promise.resolve(None)  # AsyncGeneratorYield's Await(chunk)
        return chunk

    async def _turn(self) -> Any:
        state = self._state
        if state.running:
            # JavaScript queues next() calls on an async generator: each runs
            # once the one before it has settled.
            if state.queue is None:
                state.queue = deque()
            turn = pending()
            state.queue.append(turn)
            await turn
        state.running = True
        try:
            return await self._next(state)
        finally:
            if state.queue:
                settle_with(state.queue.popleft())  # Hand over; still running.
            else:
                state.running = False

    @staticmethod
    async def _next(state: _State) -> Any:
        if not state.started:
            if state.closed:
                raise StopAsyncIteration
            state.start()
        stream = state.stream
        while True:
            if state.closed:
                raise StopAsyncIteration
            chunk = None if stream.destroyed else stream.read()
            if chunk is not None:
                return chunk
            error = state.error
            if error is not _UNSET:
                state.finish()
                if error is None:
                    raise StopAsyncIteration
                raise error
            wake = state.wake = pending()
            await wake

    def return_(self) -> Promise[None]:
        """JavaScript's ``iterator.return()``: leave early (destroys the stream)."""
        self._state.finish()
        return Promise.resolve(None)

    async def aclose(self) -> None:
        self._state.finish()

    def __del__(self) -> None:
        state = getattr(self, "_state", None)
        if state is not None and not state.closed:
            try:
                state.finish()
            except Exception:  # Nothing may escape __del__; destroy() reports by events.
                pass
