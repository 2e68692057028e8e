"""``readable[Symbol.asyncIterator]()``: ``async for chunk in sock``.

Theory of operation
-------------------
Node's ``createAsyncIterator`` (lib/internal/streams/readable.js) is an async
generator over ``stream.read()``: on its first ``next()`` it listens to
``'readable'`` and to the end of the stream (``eos``, with ``writable: false``);
each step returns the next chunk ``read()`` gives, throws the stream's error, or
finishes after ``eos`` reported the end; when ``read()`` has nothing it awaits
a promise that the next of those events resolves.  Its ``finally`` destroys the
stream (``destroyer``: with an ``AbortError`` if it had not finished) when
leaving early (``destroyOnReturn``, default true) or on an error, and otherwise
only removes its listeners.

Where each step falls among other microtasks is observable, and is Node's
exactly (tests/interop/test_async_iter_order_node.py): a chunk already buffered
when the loop asks for it reaches the loop body two microtasks later (the
generator's ``yield`` awaits the chunk, then the loop's ``await`` of the
``next()`` promise); a chunk the iterator waited for, three after the event
(the generator's ``await`` first); the end and an error, one after ``next()``
or two after the event.  ``read()`` runs where Node's generator runs it:
synchronously inside ``next()``, or in the microtask that resumes the waiting
generator (its ``'data'`` event and ``_read`` call fall there).

A stream with no ``read`` (an old-style stream emitting ``'data'`` and
``'end'``) is read through ``Readable.wrap`` (:mod:`wrap`), as Node's
``streamToAsyncIterator`` does; ``iterator.stream`` is the stream read.

Here the generator is :class:`_Generator`, a state machine that queues those
microtasks itself.  ``__anext__`` yields it, as a
:class:`~pynet._core.promise.Suspension`, to the pynet task running the
loop, which hands it its ``resume``/``throw`` and returns to the loop; the last
microtask of a step calls one of them.  So a chunk costs no coroutine, no
promise and no reaction record, only the microtasks themselves.  Under another
driver (an asyncio task, with ``pynet.asyncio``) a step settles a Promise
instead, awaited that driver's way.  ``next()`` while a step is running waits
for it, as the generator's request queue does.

A socket may hand a chunk straight to a step that waits for it
(:meth:`_Generator.take_chunk`, from ``net.Socket``'s read callback): when
the chain Node runs for that chunk (``push()``, the ``'readable'`` tick, this
listener's microtask, ``read()``) could not be observed (no other listener,
no override, nothing queued), the socket makes that chain's state changes
itself and the step resumes the loop at once, as the first microtask of the
drain that follows the callback (``Loop.run_microtask_now``).  The order
seen by any code is the same; only the work is less.

The generator's state is kept apart from :class:`ReadableAsyncIterator`:
nothing the stream holds refers to the iterator.  That is what makes a plain
``break`` work as JavaScript's ``return()`` does (mapping §13): CPython drops
the iterator as the loop is left, and its ``__del__`` runs the ``finally``
before the next callback (Node runs it one microtask later, the only
difference).

Invariants: the generator starts once (listeners added at the first
``next()``) and finishes once (end, error or return); its listeners are
removed when it leaves the stream alive and kept when it destroys it (as
Node's, so a later ``'error'`` is not uncaught); every step calls its
awaiter's ``resume`` or ``throw`` exactly once, from a microtask.
"""

from __future__ import annotations

import types
from collections import deque
from collections.abc import Callable, Generator
from typing import Any

from pynet._core.loop import get_loop
from pynet._core.promise import Promise, Suspension, awaited_by_task, pending, settle_with
from pynet._streams.destroy import aggregate_two_errors, destroyer
from pynet._streams.end_of_stream import eos
from pynet._streams.legacy import Stream

__all__ = ["ITERATOR_WAKE", "ReadableAsyncIterator"]

_UNSET: Any = object()  # Node's ``error === undefined``: the stream is still going.

_Resume = Callable[[Any], None]
_DESTROYED = Stream.destroyed  # The property itself (see _Generator.__init__).


def _nop(*_: Any) -> None:
    pass


class _Generator(Suspension):
    """The state of Node's ``createAsyncIterator`` generator, run by hand.

    ``running`` is the generator executing a step (from ``next()`` until its
    ``yield``/``return``/``throw`` completes); ``waiting``, suspended in ``await
    new Promise(next)``; ``resume``/``throw``, the awaiter of the step in flight.
    """

    __slots__ = ("_cleanup", "_loop", "_microtasks", "_plain_destroyed", "_queue", "_requests",
                 "_resume", "_throw", "destroy_on_return", "done", "error", "running", "started",
                 "stream", "waiting")

    def __init__(self, stream: Any, destroy_on_return: bool) -> None:
        self.stream = stream
        self.destroy_on_return = destroy_on_return
        # Discussion: Node reads ``stream.destroyed`` (a getter) before every
        # read(); the stream's own flag is read directly, twice per chunk, unless
        # the class overrides the property.
        self._plain_destroyed = type(stream).destroyed is _DESTROYED
        self.error: Any = _UNSET  # None: ended; else the error (Node's ``error``)
        self.started = False
        self.done = False  # The generator completed (the finally has run).
        self.running = False
        self.waiting = False
        self._resume: _Resume = _nop
        self._throw: _Resume = _nop
        self._requests: deque[tuple[_Resume, _Resume]] | None = None
        self._cleanup: Callable[[], None] = _nop
        loop = self._loop = get_loop()
        self._queue = loop.queue_microtask
        # Discussion: loop.microtask_runs_next() is ``in the drain and nothing
        # queued``; _advance and _yielded only ever run as microtasks, in
        # the drain, so there the test is the queue's emptiness, read directly.
        self._microtasks = loop.microtask_queue

    # -- the awaiter's side --------------------------------------------------

    def attach(self, resume: _Resume, throw: _Resume) -> None:
        """``next()``: run one step for this awaiter (after the one in flight)."""
        if self.running:  # AsyncGeneratorEnqueue while executing: after this step.
            if self._requests is None:
                self._requests = deque()
            self._requests.append((resume, throw))
            return
        if self.done:  # A completed generator: {done: true}, one microtask on.
            self._queue(throw, StopAsyncIteration())
            return
        self._resume = resume
        self._throw = throw
        self.running = True
        if not self.started:
            self._start()
        # The first turn of the step, as _advance but in next() (so never in
        # place: the yield's microtask is queued), inlined: once per chunk, the
        # read that finds the buffer empty.  ``done`` was tested above.
        stream = self.stream
        try:
            destroyed = stream._destroyed if self._plain_destroyed else stream.destroyed
            chunk = None if destroyed else stream.read()
        except Exception as exc:
            self._complete(exc)
            return
        if chunk is not None:
            self._queue(self._yielded, chunk)
            return
        error = self.error
        if error is _UNSET:
            self.waiting = True
        else:
            self._complete(error)

    def through_promise(self) -> Generator[Any, Any, Any]:
        """One step for a driver other than pynet's tasks: awaited as a Promise."""
        p: Promise[Any] = pending()
        self.attach(lambda value: settle_with(p, value),
                    lambda reason: settle_with(p, None, reason))
        return (yield from p.__await__())

    # -- the generator's body ------------------------------------------------

    def _start(self) -> None:
        """The generator's first lines: ``stream.on('readable', next)`` and ``eos``."""
        self.started = True
        stream = self.stream
        stream.on("readable", self._on_readable)
        self._cleanup = eos(stream, {"writable": False}, self._on_eos)

    def _advance(self) -> None:
        """One turn of the generator's ``while (true)``, resumed from its ``await``:
        a microtask whose last action this is (``attach`` runs the first turn of a
        step inline)."""
        if self.done:  # Returned (return()/break) while this step waited.
            self._finish_step(None)
            return
        stream = self.stream
        try:
            destroyed = stream._destroyed if self._plain_destroyed else stream.destroyed
            chunk = None if destroyed else stream.read()
        except Exception as exc:  # The generator's catch: error = aggregate(error, err).
            self._complete(exc)
            return
        if chunk is not None:  # ``yield chunk`` awaits the chunk first: a microtask.
            if not self._requests and not self._microtasks:
                # Both microtasks of the step, in place (see _yielded): nothing
                # can be queued between them.
                self.running = False
                self._resume(chunk)
            else:
                self._queue(self._yielded, chunk)
            return
        error = self.error
        if error is _UNSET:
            self.waiting = True  # ``await new Promise(next)``
        else:
            self._complete(error)

    # -- a chunk handed over by the stream ---------------------------------

    def takes_chunk(self) -> bool:
        """Whether :meth:`take_chunk` may run this step: it waits for
        ``'readable'``, nothing is queued behind it, and the stream has not
        ended or failed (as far as the generator knows)."""
        return (self.waiting and not self._requests and not self.done
                and self.error is _UNSET and self._plain_destroyed)

    def take_chunk(self, chunk: Any) -> None:
        """The rest of the step for ``chunk``, now: the stream's ``'readable'``
        listener (:meth:`_on_readable`) then :meth:`_advance` reading ``chunk``
        (and resuming the loop in place), as the first microtask of the drain.

        For a stream that has just received ``chunk`` and has already made every
        state change of its ``'readable'`` and ``read()``, in a callback of the
        loop with nothing queued (:meth:`~pynet._core.loop.Loop.run_microtask_now`):
        see ``net.Socket._hand_to_iterator``, the one caller."""
        self.waiting = False
        self.running = False
        self._loop.run_microtask_now(self._resume, chunk)

    def _on_readable(self) -> None:
        """Node's ``next`` as the ``'readable'`` listener: resolve the awaited promise."""
        if self.waiting:
            self.waiting = False
            self._queue(self._advance)  # The await's reaction resumes the body (tail).

    def _on_eos(self, err: Any = None) -> None:
        self.error = aggregate_two_errors(
            None if self.error is _UNSET else self.error, err) if err else None
        if self.waiting:
            self.waiting = False
            self._queue(self._advance)

    def _yielded(self, chunk: Any) -> None:
        """``yield``'s await is done (``AsyncGeneratorCompleteStep``): the ``next()``
        promise is fulfilled, so the loop resumes one microtask later."""
        # Discussion: the microtasks of a step are Node's, one by one, but when
        # one would run right after the microtask that queues it (nothing else
        # queued: loop.microtask_runs_next), that microtask calls it instead, as
        # its last action: the same order, without a trip through the queue.
        # Only from a microtask (never from next(), which runs inside the
        # caller's code), so the calls never nest deeper than one step.
        resume = self._resume  # (kept until the next step: the task is running anyway)
        self.running = False
        if self._requests:
            self._queue(resume, chunk)
            self.attach(*self._requests.popleft())
        elif not self._microtasks:  # (microtask_runs_next: see __init__)
            resume(chunk)
        else:
            self._queue(resume, chunk)

    def _complete(self, error: Any) -> None:
        """``return`` (``error`` None) or ``throw error``: the finally, then the step's
        promise settles ({done: true} or the error) and the queued ones are done."""
        if error is not None and error is not self.error:
            error = aggregate_two_errors(
                None if self.error is _UNSET or self.error is None else self.error, error)
            self.error = error
        try:
            self.finish()
        except Exception as exc:
            error = exc
        self._finish_step(error)

    def _finish_step(self, error: Any) -> None:
        throw = self._throw
        self._resume = self._throw = _nop
        self.running = False
        self._queue(throw, StopAsyncIteration() if error is None else error)
        requests, self._requests = self._requests, None
        while requests:
            self._queue(requests.popleft()[1], StopAsyncIteration())

    def finish(self) -> None:
        """The generator's ``finally``: destroy the stream, or just stop listening."""
        if self.done:
            return
        self.done = True
        if not self.started:  # return() before the first next(): no body ran.
            return
        stream = self.stream
        error = self.error
        failed = error is not _UNSET and error is not None
        if (failed or self.destroy_on_return) and (
                error is _UNSET or getattr(stream, "_auto_destroy", True)):
            # As Node's: the listeners stay, so an 'error' the destroyed
            # stream emits later has a listener (eos's) and is not uncaught.
            destroyer(stream, None)
            return
        stream.removeListener("readable", self._on_readable)
        self._cleanup()


#: The ``'readable'`` listener of an iterator's generator (a bound method of
#: it): how a stream recognises a waiting ``async for`` among its listeners.
ITERATOR_WAKE = _Generator._on_readable


class ReadableAsyncIterator:
    """What ``readable.__aiter__()`` returns; see the module docs."""

    __slots__ = ("_gen",)

    def __init__(self, stream: Any, destroy_on_return: bool = True) -> None:
        if not callable(getattr(stream, "read", None)):
            # Node's streamToAsyncIterator: an old-style stream (only 'data'
            # and 'end' events) is read through Readable.wrap.
            from pynet._streams.wrap import wrap_stream
            stream = wrap_stream(stream, {"objectMode": True})
        self._gen = _Generator(stream, destroy_on_return)

    @property
    def stream(self) -> Any:
        """Node's ``iterator.stream``: the stream it reads."""
        return self._gen.stream

    def __aiter__(self) -> ReadableAsyncIterator:
        return self

    @types.coroutine
    def __anext__(self) -> Generator[Any, Any, Any]:
        gen = self._gen
        if awaited_by_task():
            return (yield gen)
        return (yield from gen.through_promise())

    def return_(self) -> Promise[None]:
        """JavaScript's ``iterator.return()``: leave early (destroys the stream)."""
        self._gen.finish()
        return Promise.resolve(None)

    async def aclose(self) -> None:
        self._gen.finish()

    def __del__(self) -> None:
        gen = getattr(self, "_gen", None)
        if gen is not None and not gen.done:
            try:
                gen.finish()
            except Exception:  # Nothing may escape __del__; destroy() reports by events.
                pass
