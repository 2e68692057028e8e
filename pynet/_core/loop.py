"""The event loop: libuv's phases, Node's tick queue, on :mod:`selectors`.

Theory of operation
-------------------
One :class:`Loop` runs on one thread.  It knows nothing of sockets, streams or
events: it runs *callbacks* — from timers, fd readiness, and five queues — in
the order libuv's ``uv_run`` does, with Node's ``process.nextTick`` rule on
top.  One turn of :meth:`Loop.run` is::

    update time → timers → pending → poll (fd callbacks, thread calls)
                → pending (again, up to 8 rounds) → check (immediates)
                → close callbacks → (loop if alive)

* **ticks** (``next_tick``) run after *every* callback the loop makes, and
  after the script's synchronous part (the start of :meth:`run`), until the
  queue is empty — ticks queued by ticks run in the same drain.
* **microtasks** (``queue_microtask``: promise reactions, ``await``
  resumptions) run after the ticks, from a marker tick, until both queues are
  empty; then unhandled rejections are reported (``rejection_work``, installed
  by :mod:`pynet._core.promise`).  A callback whose last action would queue
  only work ending in one microtask may run that microtask itself, with
  nothing queued (:meth:`Loop.nothing_queued`, :meth:`Loop.run_microtask_now`):
  the drain would have run exactly that next.
* **timers** (:class:`Timer`) sit in a heap ordered by (deadline, sequence);
  a timer is due when its deadline is ``<= now``, where ``now`` is the time
  cached at the start of the phase (``uv_update_time``), so a 1 ms timer
  started by a timer callback never runs in the same phase.
* **pending** callbacks (``call_pending``) and **close** callbacks
  (``call_close``; newest first, as libuv's closing-handles list) run in
  their phases; **immediates** (:class:`Immediate`)
  in the check phase.  Each of these phases runs only what was queued when
  the phase began; what a callback queues runs next turn.  Close callbacks
  run newest first: libuv's closing-handles list is a stack.
* **fd watches**: one :class:`Watcher` per fd (libuv's ``uv__io_t``), kept in
  ``_watches`` (and in a given selector's ``data`` slot).  ``start_watch`` /
  ``stop_watch`` take a watcher (a handle with ``on_readable``,
  ``on_writable``, ``on_hangup`` and a ``watching`` mask slot the loop
  keeps, as a stream handle is); ``watch_read``/``watch_write`` take
  callbacks and wrap them in a ``_Watch``.  The loop knows nothing of what a
  watcher is.  An event the batch's earlier callbacks made stale is skipped:
  the fd was removed (``_removed``) or its read watch stopped
  (``_read_stopped``); level-triggered epoll reports what is still ready
  at the next poll.
* **thread calls** (``call_from_thread``): the one thread-safe entry point. A
  deque plus a byte on a socketpair wakes a blocked ``select``; the calls run
  in the poll phase, on the loop thread.

Hosting (guest mode)
--------------------
A :class:`Host` (``pynet.asyncio``'s, for an asyncio loop) can take over the
polling: :meth:`Loop.set_host` moves every fd watch onto the host's selector,
whose ``select`` only returns what the host loop found ready, and from then
on the host calls :meth:`Loop.step` — one turn that never blocks, libuv's
``uv_run(UV_RUN_NOWAIT)`` — whenever an fd is ready, a timer is due
(:meth:`Loop.backend_timeout`) or work was queued from outside a step (the
host's ``poke``).  :meth:`run` hands over to ``host.run()``; thread calls wake
the host (``host.wake``) instead of the socketpair.

Liveness (when :meth:`run` returns) is libuv's ``uv__loop_alive``: the loop
lives while it has ref'd handles (``add_ref``/``remove_ref``, counted by the
layers above: listening servers, open sockets, pending lookups), ref'd timers,
ref'd immediates, or anything queued.

Invariants
----------
* A callback is removed from its queue *before* it runs, so an exception that
  escapes leaves every queue valid; the remaining work runs on the next
  :meth:`run`.
* An exception escaping a callback goes to the uncaught-exception hook
  (``process.on('uncaughtException')``); when the hook does not handle it, it
  stops the loop and propagates out of :meth:`run`.  ``KeyboardInterrupt``
  and ``SystemExit`` always propagate.
* A handled exception in a timer or an immediate, or in a tick run after one,
  defers the rest of the tick queue (and the microtasks) past the *next* timer
  or immediate of the same phase (:meth:`Loop._batch_call`): Node runs those
  batches from JS (``listOnTimeout``, ``processImmediate``) with
  ``runNextTicks()`` between callbacks; the throw unwinds the batch, C++
  (``RunTimers``, ``CheckImmediate``) restarts it, and its first callback has
  no ``runNextTicks()`` before it.  What is still queued when the phase ends
  runs then, so leftover ticks never outlive their phase (no spinning poll, no
  tick keeping the loop alive).  Elsewhere (fd callbacks, the script's ticks)
  node runs the rest before the next phase, as the plain drain does; a
  throwing microtask never stops the microtask queue.
* A stale selector event is never delivered: fds are reused by the kernel, so
  each event is checked against the watch object it was registered with.
* ``_ref_timers`` / ``_ref_immediates`` count exactly the active, ref'd
  timers and immediates.

Node/libuv reference: ``uv_run``, ``uv__run_timers``, ``uv__io_poll``,
``uv__run_check``, ``uv__run_closing_handles``, ``uv_async_send``; Node's
``processTicksAndRejections`` (lib/internal/process/task_queues.js),
``processImmediate`` and ``listOnTimeout`` (lib/internal/timers.js).
"""

from __future__ import annotations

import heapq
import math
import select
import selectors
import socket
import threading
import types
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from pynet._core.calls import arity, settle
from pynet._core.clock import Clock, MonotonicClock
from pynet._js.mypyc import mypyc_attr

__all__ = [
    "EVENT_HANGUP",
    "EVENT_READ",
    "EVENT_WRITE",
    "Host",
    "Immediate",
    "Loop",
    "LoopStatistics",
    "Timer",
    "Watcher",
    "get_loop",
    "set_loop",
    "set_uncaught_hook",
]

Callback = Callable[..., Any]
_CoroutineType = types.CoroutineType
_READ = selectors.EVENT_READ
_WRITE = selectors.EVENT_WRITE
#: The events of :meth:`Loop.start_watch` (selectors' bits).
EVENT_READ = selectors.EVENT_READ
EVENT_WRITE = selectors.EVENT_WRITE
# selectors.EpollSelector's rule: anything but EPOLLOUT is readable (HUP, ERR
# included), anything but EPOLLIN is writable.
_NOT_EPOLLOUT = ~getattr(select, "EPOLLOUT", 0)
_NOT_EPOLLIN = ~getattr(select, "EPOLLIN", 0)
_EPOLLHUP = getattr(select, "EPOLLHUP", 0)
_EPOLLIN = getattr(select, "EPOLLIN", 0)
#: A host selector's extra bit in ``select()``'s masks: the event also reported
#: a hang-up (``POLLHUP``), which :mod:`selectors` has no bit for.
EVENT_HANGUP = 4
# selectors' event masks -> epoll's, as EpollSelector.register translates them.
_EPOLL_MASK = {_READ: getattr(select, "EPOLLIN", 0), _WRITE: getattr(select, "EPOLLOUT", 0),
               _READ | _WRITE: getattr(select, "EPOLLIN", 0) | getattr(select, "EPOLLOUT", 0)}

# Set by pynet.process: returns True when the exception was handled.
_uncaught_hook: Callable[..., bool] | None = None
_uncaught_hook_origin = False  # Does the hook take the origin argument?


def _reraise(exc: BaseException) -> None:
    """A microtask that raises ``exc``: one that already failed, reported by the drain."""
    raise exc


def set_uncaught_hook(hook: Callable[..., bool] | None) -> None:
    """Install the function consulted for exceptions escaping callbacks:
    ``hook(exc[, origin])`` -> handled; ``origin`` is Node's
    ``'uncaughtException'`` or ``'unhandledRejection'``."""
    global _uncaught_hook, _uncaught_hook_origin
    _uncaught_hook = hook
    _uncaught_hook_origin = hook is not None and arity(hook) >= 2


@mypyc_attr(allow_interpreted_subclasses=True)  # timers.Timeout
class Timer:
    """A one-shot or repeating timer on a loop (libuv's ``uv_timer_t``).

    ``delay`` and ``repeat`` are milliseconds.  The timer is *active* between
    :meth:`start` and its firing (one-shot), :meth:`stop`, or forever (repeat).
    """

    __slots__ = (
        "_active",
        "_args",
        "_callback",
        "_delay",
        "_loop",
        "_ref",
        "_repeat",
        "_seq",
        "_when",
    )

    def __init__(self, loop: Loop, callback: Callback, args: tuple[Any, ...] = (),
                 delay: float = 1, repeat: float | None = None) -> None:
        self._loop = loop
        self._callback = callback
        self._args = args
        self._delay = delay
        self._repeat = repeat
        self._when = 0.0
        self._seq = 0
        self._active = False
        self._ref = True

    def start(self, delay: float | None = None) -> None:
        """(Re)arm the timer ``delay`` ms from the loop's cached now."""
        if delay is not None:
            self._delay = delay
        self._loop._timer_start(self)

    def stop(self) -> None:
        """Disarm the timer (libuv's ``uv_timer_stop``); it can be started again.

        On a ``timers.Timeout`` this is pynet's own (Node's ``Timeout`` has no
        ``stop``): prefer ``clearTimeout``, which also keeps ``refresh()`` from
        re-arming it.
        """
        self._loop._timer_stop(self)

    def ref(self) -> None:
        """Let the timer keep the loop alive while it is active (libuv's ``uv_ref``)."""
        if not self._ref:
            self._ref = True
            if self._active:
                self._loop._ref_timers += 1

    def unref(self) -> None:
        """Let the loop end while the timer is still active (libuv's ``uv_unref``)."""
        if self._ref:
            self._ref = False
            if self._active:
                self._loop._ref_timers -= 1

    @property
    def active(self) -> bool:
        """Whether the timer is armed (libuv's ``uv_is_active``); pynet's own on a
        ``timers.Timeout`` (Node has no such property).
        """
        return self._active

    @property
    def deadline(self) -> float:
        """The loop time (ms) at which the timer fires, while active."""
        return self._when


class Immediate:
    """One ``setImmediate`` callback, queued for the check phase."""

    __slots__ = ("__weakref__", "_args", "_callback", "_loop", "_pending", "_ref")

    def __init__(self, loop: Loop, callback: Callback, args: tuple[Any, ...]) -> None:
        self._loop = loop
        self._callback = callback
        self._args = args
        self._pending = True
        self._ref = True

    def cancel(self) -> None:
        """Drop the callback if it has not run yet (``clearImmediate``)."""
        if self._pending:
            self._pending = False
            if self._ref:
                self._loop._ref_immediates -= 1

    def ref(self) -> None:
        """Let the pending callback keep the loop alive (the default)."""
        if not self._ref:
            self._ref = True
            if self._pending:
                self._loop._ref_immediates += 1

    def unref(self) -> None:
        """Let the loop end while the callback is still pending."""
        if self._ref:
            self._ref = False
            if self._pending:
                self._loop._ref_immediates -= 1

    def has_ref(self) -> bool:
        return self._ref

    @property
    def pending(self) -> bool:
        """Queued and neither run nor cancelled yet."""
        return self._pending


@mypyc_attr(allow_interpreted_subclasses=True)  # Handles subclass it (HandleCore).
class Watcher:
    """What an fd watch calls (:meth:`Loop.start_watch`): a handle that is its
    own watch record, so a watched fd costs the loop a dict entry and nothing
    else (no bound methods, no record).  ``watching`` is the loop's: the events
    (``EVENT_READ | EVENT_WRITE``) it watches for this fd; the watcher never
    writes it.  ``on_hangup`` is the reader's variant for a wakeup that also
    reports ``EPOLLHUP``.  A base class, not a protocol, so that the compiled
    loop calls these methods natively."""

    # Discussion: a class, not a Protocol: mypyc calls a protocol's method
    # by name (PyObject_VectorcallMethod, ~150 instructions per event more
    # than the bound method it replaced); a native base class's through its
    # vtable.

    __slots__ = ("watching",)

    def __init__(self) -> None:
        self.watching = 0

    def on_readable(self) -> object:
        return None

    def on_writable(self) -> object:
        return None

    def on_hangup(self) -> object:
        return self.on_readable()


class _Watch(Watcher):
    """The watcher of :meth:`Loop.watch_read`/:meth:`Loop.watch_write`: the
    reader and writer callbacks of one fd, and the reader's variant for a
    wakeup that reports a hang-up (``hangup``)."""

    __slots__ = ("hangup", "reader", "writer")

    def __init__(self) -> None:
        super().__init__()
        self.reader: Callback | None = None
        self.writer: Callback | None = None
        self.hangup: Callback | None = None

    def on_readable(self) -> object:
        reader = self.reader
        return reader() if reader is not None else None

    def on_writable(self) -> object:
        writer = self.writer
        return writer() if writer is not None else None

    def on_hangup(self) -> object:
        hangup = self.hangup if self.hangup is not None else self.reader
        return hangup() if hangup is not None else None


class Host(Protocol):
    """A foreign event loop that runs a pynet :class:`Loop` as its guest.

    ``pynet.asyncio`` implements it on an asyncio loop (Twisted's asyncio
    reactor is the model): the host watches the fds, the guest runs the phases.
    """

    #: Where the guest registers its fd watches; ``select`` returns, without
    #: blocking, the events the host has seen since the last call.  ``None``:
    #: the guest keeps its own epoll, whose fd (``Loop.backend_fd()``) the
    #: host watches instead (libuv's ``uv_backend_fd`` embedding).
    selector: selectors.BaseSelector | None

    def poke(self) -> None:
        """Work was queued outside a step: schedule one soon (loop thread only)."""

    def wake(self) -> None:
        """A thread queued a call: schedule a step soon.  Thread-safe."""

    def run(self) -> None:
        """``Loop.run()`` while hosted: run the host until the guest is not alive."""


@dataclass(frozen=True)
class LoopStatistics:
    """What keeps the loop alive, for tests that check nothing leaked."""

    refs: int
    timers: int
    ref_timers: int
    immediates: int
    ticks: int
    pending: int
    closing: int
    thread_calls: int
    watched_fds: int

    @property
    def idle(self) -> bool:
        return not (self.refs or self.timers or self.immediates or self.ticks
                    or self.pending or self.closing or self.thread_calls or self.watched_fds)


class Loop:
    """A single-threaded event loop with libuv's phases.

    ``clock`` defaults to the real monotonic clock; without a ``selector`` the
    loop polls its own ``epoll`` object (or a :class:`selectors.DefaultSelector`
    where there is no epoll); tests pass a :class:`~pynet._core.clock.FakeClock`.
    """

    def __init__(self, clock: Clock | None = None,
                 selector: selectors.BaseSelector | None = None) -> None:
        self.clock: Clock = clock if clock is not None else MonotonicClock()
        # The real clock never changes a poll timeout: skip the call then.
        self._sleep = None if type(self.clock) is MonotonicClock else self.clock.sleep
        # The epoll fast path: without a selector given, and where epoll exists,
        # the loop owns an epoll object and registers and polls fds on it
        # directly (see _poll_epoll), which skips a selector's per-fd
        # SelectorKey bookkeeping (time and memory per connection).  A selector
        # that is given is used through the selectors API only.
        self._epoll: select.epoll | None = None
        self._selector: selectors.BaseSelector | None = selector
        if selector is None:
            if hasattr(select, "epoll"):
                self._epoll = select.epoll()
            else:
                self._selector = selectors.DefaultSelector()
        self._now = 0.0
        self._ticks: deque[tuple[Callback, tuple[Any, ...]]] = deque()
        self._microtasks: deque[tuple[Callback, tuple[Any, ...]]] = deque()
        # The same deque, for reading only: code running as a microtask may test
        # ``not loop.microtask_queue`` for microtask_runs_next() without a call
        # (it is in the drain by definition).  Never replaced.
        self.microtask_queue = self._microtasks
        self._in_microtasks = False
        # Is the marker tick in the tick queue, or the microtask drain running?
        # Either way a new microtask needs no marker (one flag: one test).
        self._checkpoint_due = False
        self._microtask_mark: tuple[Callback, tuple[Any, ...]] = (self._run_microtasks, ())
        # processPromiseRejections, set by pynet._core.promise while it has
        # rejections to report; returns whether it may have queued work.
        self.rejection_work: Callable[[], bool] | None = None
        # promise.py's unhandled-rejection tracker for this loop (an attribute, not a
        # WeakKeyDictionary entry: the compiled build's Loop takes no weak references).
        self.rejection_tracker: Any = None
        self._timers: list[tuple[float, int, Timer]] = []
        self._timer_seq = 0
        self._active_timers = 0
        self._ref_timers = 0
        self._pending: deque[tuple[Callback, tuple[Any, ...]]] = deque()
        self._immediates: deque[Immediate] = deque()
        self._ref_immediates = 0
        self._closing: deque[tuple[Callback, tuple[Any, ...]]] = deque()
        self._refs = 0
        self._watches: dict[int, Watcher] = {}
        self._running = False
        self._closed = False
        self._thread_id: int | None = None
        # call_from_thread: a deque (thread-safe appends) and a wakeup socketpair.
        self._thread_calls: deque[tuple[Callback, tuple[Any, ...]]] = deque()
        self._wake_r, self._wake_w = socket.socketpair()
        self._wake_r.setblocking(False)
        self._wake_w.setblocking(False)
        self._wake_pending = False
        # fds unwatched since the last poll: their events from that poll are
        # stale (the number may already belong to a new socket).
        self._removed: set[int] = set()
        # fds whose read watch stopped (not removed) during this poll's batch.
        self._read_stopped: set[int] = set()
        self._wake_fd = self._wake_r.fileno()
        self._register(self._wake_fd, _READ, None)
        # Guest mode (set_host): the host, and its poke while no step runs —
        # the one test the queueing methods make (None when not hosted).
        self._host: Host | None = None
        self._poke: Callable[[], None] | None = None
        self._own_backend: tuple[select.epoll | None, selectors.BaseSelector | None] | None = None
        self.update_time()

    # -- time ------------------------------------------------------------------

    def update_time(self) -> None:
        """Cache the clock, in milliseconds (``uv_update_time``)."""
        self._now = self.clock.now()

    def now(self) -> float:
        """The cached loop time in milliseconds (``uv_now``)."""
        return self._now

    # -- queues ------------------------------------------------------------------

    def next_tick(self, callback: Callback, *args: Any) -> None:
        """Queue ``callback(*args)`` to run before the loop goes on."""
        self._ticks.append((callback, args))
        if self._poke is not None:
            self._poke()

    def next_tick_first(self, callback: Callback) -> None:
        """Queue ``callback()`` at the head of the tick queue: for a tick that
        ran the next queued one's work itself and was cut short by an exception,
        to put that work back where it was (see Readable's ``push``)."""
        self._ticks.appendleft((callback, ()))

    def queue_microtask(self, callback: Callback, *args: Any) -> None:
        """Queue ``callback(*args)`` as a microtask: after the tick queue drains."""
        # Discussion: microtasks need no test of their own on the hot path.
        # Every place that drains after a callback tests ``if self._ticks``;
        # the first microtask puts one marker tick (``_run_microtasks``) in the
        # tick queue, and the marker drains the microtask queue once the ticks
        # queued before and after it have run.  A program that uses no
        # promises pays nothing.
        if not self._checkpoint_due:
            self._checkpoint_due = True
            self._ticks.append(self._microtask_mark)
            if self._poke is not None:
                self._poke()
        self._microtasks.append((callback, args))

    def microtask_runs_next(self) -> bool:
        """Whether a microtask queued now would run right after the running one:
        inside the microtask drain, with nothing else queued.  A microtask whose
        last action is to queue another may then call it instead, in the same order
        (no tick or other microtask can come between, and an exception meets the
        same handler); see the Readable async iterator."""
        return self._in_microtasks and not self._microtasks

    def nothing_queued(self) -> bool:
        """Whether no tick and no microtask is queued and no drain is running: from
        a callback the loop made, the drain that follows it then starts with
        what that callback queues (see :meth:`run_microtask_now`)."""
        return not self._ticks and not self._checkpoint_due

    def run_microtask_now(self, callback: Callback, arg: Any) -> None:
        """Run ``callback(arg)`` now, as the first microtask of the drain, then
        the microtasks it queues, by the drain's rules: the ticks they queue
        wait for the microtask queue to empty and run in the drain after the
        running callback.

        Only as the last action of a callback the loop made, with
        :meth:`nothing_queued`, and in place of work that would have queued
        only ticks and microtasks ending in this one: the drain would then run
        exactly that work, so nothing could come between, and an exception
        meets the same handler."""
        self._checkpoint_due = True
        self._in_microtasks = True
        try:
            callback(arg)
        except BaseException as exc:  # Reported where the drain reports it: first.
            self._microtasks.appendleft((_reraise, (exc,)))
        # Discussion: the drain's loop, entered only when there is more to do
        # than the one microtask (an async echo's body queues nothing: the
        # common case pays no deque traffic and no second frame).
        if self._microtasks or self._ticks or self.rejection_work is not None:
            self._run_microtasks(False)
        else:
            self._in_microtasks = False
            self._checkpoint_due = False

    def wake_drain(self) -> None:
        """Make sure the microtask checkpoint runs soon (a rejection to report)."""
        if not self._checkpoint_due:
            self._checkpoint_due = True
            self._ticks.append(self._microtask_mark)
            if self._poke is not None:
                self._poke()

    def call_pending(self, callback: Callback, *args: Any) -> None:
        """Queue ``callback(*args)`` for the next pending phase."""
        self._pending.append((callback, args))
        if self._poke is not None:
            self._poke()

    def call_close(self, callback: Callback, *args: Any) -> None:
        """Queue ``callback(*args)`` for the next close-callbacks phase (which runs
        the callbacks queued before it began, the last queued first, as libuv)."""
        self._closing.append((callback, args))
        if self._poke is not None:
            self._poke()

    def set_immediate(self, callback: Callback, *args: Any) -> Immediate:
        """Queue ``callback(*args)`` for the check phase (``setImmediate``)."""
        immediate = Immediate(self, callback, args)
        self._immediates.append(immediate)
        self._ref_immediates += 1
        if self._poke is not None:
            self._poke()
        return immediate

    def call_from_thread(self, callback: Callback, *args: Any) -> None:
        """Run ``callback(*args)`` on the loop thread, soon.  Thread-safe."""
        self._thread_calls.append((callback, args))
        host = self._host
        if host is not None:
            host.wake()
            return
        if not self._wake_pending:
            self._wake_pending = True
            try:
                self._wake_w.send(b"\0")
            except (BlockingIOError, InterruptedError):
                pass  # The pipe is full of wakeups already.
            except OSError:
                if not self._closed:
                    raise

    # -- handles (liveness) ------------------------------------------------------

    def add_ref(self) -> None:
        """Count one more ref'd, active handle (keeps :meth:`run` going)."""
        self._refs += 1

    def remove_ref(self) -> None:
        self._refs -= 1
        assert self._refs >= 0, "unbalanced remove_ref"

    # -- fd watches ----------------------------------------------------------------

    def watch_read(self, fd: int, callback: Callback, hangup: Callback | None = None) -> None:
        """Call ``callback()`` while ``fd`` is readable.  With ``hangup``, a wakeup
        whose event also reports ``EPOLLHUP`` calls ``hangup()`` instead, so a
        stream can end as libuv's ``uv__stream_io`` does after a partial read
        (only the default epoll poll sees hang-ups; ``selectors`` folds them
        into readiness)."""
        watch = self._callbacks(fd)
        watch.reader = callback
        watch.hangup = hangup
        self.start_watch(fd, watch, _READ)

    def watch_write(self, fd: int, callback: Callback) -> None:
        watch = self._callbacks(fd)
        watch.writer = callback
        self.start_watch(fd, watch, _WRITE)

    def _callbacks(self, fd: int) -> _Watch:
        watch = self._watches.get(fd)
        return watch if isinstance(watch, _Watch) else _Watch()

    def unwatch_read(self, fd: int) -> None:
        watch = self._watches.get(fd)
        self.stop_watch(fd, _READ)
        if isinstance(watch, _Watch):
            watch.reader = watch.hangup = None

    def unwatch_write(self, fd: int) -> None:
        watch = self._watches.get(fd)
        self.stop_watch(fd, _WRITE)
        if isinstance(watch, _Watch):
            watch.writer = None

    def unwatch(self, fd: int) -> None:
        """Forget both watches of ``fd``; call before closing it."""
        watch = self._watches.pop(fd, None)
        if watch is not None:
            watch.watching = 0
            self._unregister(fd)
            self._removed.add(fd)

    def is_watched(self, fd: int) -> bool:
        """Whether some handle watches ``fd`` (libuv's ``uv__fd_exists``)."""
        return fd in self._watches

    def start_watch(self, fd: int, watcher: Watcher, events: int) -> None:
        """Watch ``fd`` for ``events`` too (``EVENT_READ``, ``EVENT_WRITE``):
        call ``watcher.on_readable()`` / ``on_hangup()`` / ``on_writable()``
        while it is ready (libuv's ``uv__io_start``).  One watcher per fd."""
        # Discussion: the watcher is its own record (``watching`` holds the
        # mask): an idle connection's watch costs a dict entry, where a
        # record with two bound methods cost ~230 B (docs/benchmarks.md).
        current = self._watches.get(fd)
        if current is None:
            watcher.watching = events
            self._watches[fd] = watcher
            self._register(fd, events, watcher)
            return
        if current is not watcher:
            raise RuntimeError(f"fd {fd} is watched by another watcher")
        old = watcher.watching
        new = old | events
        if new != old:
            watcher.watching = new
            if events & _READ:
                self._read_stopped.discard(fd)
            self._modify(fd, new, watcher)

    def stop_watch(self, fd: int, events: int) -> None:
        """Stop watching ``fd`` for ``events`` (libuv's ``uv__io_stop``)."""
        watcher = self._watches.get(fd)
        if watcher is None:
            return
        old = watcher.watching
        new = old & ~events
        if new == old:
            return
        watcher.watching = new
        if new:
            if old & ~new & _READ:
                self._read_stopped.add(fd)
            self._modify(fd, new, watcher)
        else:
            del self._watches[fd]
            self._unregister(fd)
            self._removed.add(fd)

    def _register(self, fd: int, events: int, watch: Watcher | None) -> None:
        if self._epoll is not None:
            self._epoll.register(fd, _EPOLL_MASK[events])
        else:
            assert self._selector is not None
            self._selector.register(fd, events, watch)

    def _modify(self, fd: int, events: int, watch: Watcher) -> None:
        if self._epoll is not None:
            self._epoll.modify(fd, _EPOLL_MASK[events])
        else:
            assert self._selector is not None
            self._selector.modify(fd, events, watch)

    def _unregister(self, fd: int) -> None:
        if self._epoll is not None:
            self._epoll.unregister(fd)
        else:
            assert self._selector is not None
            self._selector.unregister(fd)

    # -- timers --------------------------------------------------------------------

    def _timer_start(self, timer: Timer) -> None:
        if timer._active:
            self._active_timers -= 1
            if timer._ref:
                self._ref_timers -= 1
        self._timer_seq += 1
        timer._seq = self._timer_seq
        timer._when = self._now + timer._delay
        timer._active = True
        self._active_timers += 1
        if timer._ref:
            self._ref_timers += 1
        heapq.heappush(self._timers, (timer._when, timer._seq, timer))
        if self._poke is not None:
            self._poke()  # The host's timer may now be too late.
        # Discussion: stopped and restarted timers leave stale heap entries
        # (lazy cancellation, as asyncio does).  Rebuild when they dominate so
        # the heap stays O(active timers).
        if len(self._timers) > 64 and len(self._timers) > 2 * self._active_timers:
            self._timers = [e for e in self._timers if e[2]._active and e[1] == e[2]._seq]
            heapq.heapify(self._timers)

    def _timer_stop(self, timer: Timer) -> None:
        if timer._active:
            timer._active = False
            self._active_timers -= 1
            if timer._ref:
                self._ref_timers -= 1

    def _run_timers(self) -> None:
        heap = self._timers
        now = self._now
        while heap:
            when, seq, timer = heap[0]
            if not timer._active or seq != timer._seq:
                heapq.heappop(heap)
                continue
            if when > now:
                break
            heapq.heappop(heap)
            if timer._repeat is not None:
                # Node re-arms an interval from the cached now, after the call,
                # unless the callback stopped (cleared) or restarted it.
                try:
                    self._batch_call(timer._callback, timer._args)
                finally:
                    if timer._active and timer._seq == seq and timer._repeat is not None:
                        timer.start(timer._repeat)
            else:
                self._timer_stop(timer)
                self._batch_call(timer._callback, timer._args)
        if self._ticks:  # What a throw left (the timers' InternalCallbackScope closing).
            self._drain_ticks()

    def _next_deadline(self) -> float | None:
        heap = self._timers
        while heap:
            when, seq, timer = heap[0]
            if timer._active and seq == timer._seq:
                return when
            heapq.heappop(heap)
        return None

    # -- running -------------------------------------------------------------------

    def alive(self) -> bool:
        """``uv__loop_alive``: is there anything that keeps the loop running?"""
        return bool(self._refs or self._ref_timers or self._ref_immediates or self._ticks
                    or self._pending or self._closing or self._thread_calls)

    def run(self) -> None:
        """Run until nothing ref'd is left.  May be called again later."""
        if self._host is not None:
            self._host.run()
            return
        if self._running:
            raise RuntimeError("the loop is already running")
        self._running = True
        self._thread_id = threading.get_ident()
        try:
            self.update_time()
            self._drain_ticks()
            if self.alive():
                self._run_timers()
            now = self.clock.now
            while self.alive():
                if self._pending:
                    self._run_queue(self._pending)
                self._poll()
                # libuv drains the pending queue right after polling too (up to
                # eight rounds): work fed during the poll phase runs before check.
                for _ in range(8):
                    if not self._pending:
                        break
                    self._run_queue(self._pending)
                if self._immediates:
                    self._run_immediates()
                if self._closing:
                    self._run_closing()
                if self._timers:  # The time was taken after polling; timers want it fresh.
                    self._now = now()
                    self._run_timers()
        finally:
            self._running = False
            self._thread_id = None

    def step(self, first: bool = False) -> bool:
        """One turn that never blocks (``uv_run(UV_RUN_NOWAIT)``); returns :meth:`alive`.

        A host calls it for every batch of ready fds, due timer or queued work.
        ``first`` runs :meth:`run`'s prologue first (update the time, drain the
        ticks, run the due timers), as libuv's ``UV_RUN_DEFAULT`` does once.
        Ticks queued since the last step (by code the host ran) drain first.
        """
        if self._running:
            raise RuntimeError("the loop is already running")
        self._running = True
        self._thread_id = threading.get_ident()
        self._poke = None
        try:
            if first:
                self.update_time()
                self._drain_ticks()
                self._run_timers()
            elif self._ticks:
                self._drain_ticks()
            # Discussion: run()'s turn, spelled out again rather than shared,
            # so the default loop pays no extra call per turn.
            if self._pending:
                self._run_queue(self._pending)
            if self._epoll is not None:
                self._poll_epoll(0.0)
            else:
                self._poll_selector(0.0)
            if self._thread_calls:
                self._run_thread_calls()
            for _ in range(8):
                if not self._pending:
                    break
                self._run_queue(self._pending)
            if self._immediates:
                self._run_immediates()
            if self._closing:
                self._run_closing()
            if self._timers:
                self._now = self.clock.now()
                self._run_timers()
        finally:
            self._running = False
            self._thread_id = None
            host = self._host
            self._poke = host.poke if host is not None else None
        return self.alive()

    def backend_timeout(self) -> float | None:
        """Seconds until the loop has work (0: now), ``None`` for none but fds and threads.

        libuv's ``uv_backend_timeout``, for a host: unlike :meth:`run`'s poll
        timeout it ignores whether anything is ref'd (a host runs on anyway,
        and unref'd timers still fire while it does).
        """
        if (self._pending or self._closing or self._ticks or self._thread_calls
                or self._immediates):
            return 0.0
        deadline = self._next_deadline()
        if deadline is None:
            return None
        return max(0.0, math.ceil(deadline - self._now)) / 1000.0

    def set_host(self, host: Host | None) -> None:
        """Become ``host``'s guest (``None``: poll on the loop's own again).

        Every fd watch moves to ``host.selector`` (or back), thread calls wake
        the host, and :meth:`run` becomes ``host.run()``.  Watches keep their
        callbacks; nothing queued is lost.
        """
        if host is self._host:
            return
        if host is not None and self._host is not None:
            raise RuntimeError("the loop already has a host")
        keep = (host if host is not None else self._host)
        if keep is not None and keep.selector is None:
            if self._epoll is None:
                raise RuntimeError("this loop has no epoll backend for its host to watch")
            self._set_host(host)
            return
        masks = {fd: w.watching for fd, w in self._watches.items()}
        for fd in masks:
            self._unregister(fd)
        if host is not None:
            self._own_backend = (self._epoll, self._selector)
            self._epoll, self._selector = None, host.selector
        else:
            assert self._own_backend is not None
            self._epoll, self._selector = self._own_backend
            self._own_backend = None
        for fd, mask in masks.items():
            self._register(fd, mask, self._watches[fd])
        self._set_host(host)

    def _set_host(self, host: Host | None) -> None:
        self._host = host
        self._poke = host.poke if host is not None and not self._running else None
        if host is None and self._thread_calls and not self._wake_pending:
            self._wake_pending = True
            self._wake_w.send(b"\0")
        elif host is not None and (self._thread_calls or self._wake_pending):
            self._wake_pending = False
            host.wake()

    def backend_fd(self) -> int | None:
        """The fd of the loop's own epoll object (``uv_backend_fd``), if it has one:
        readable while some watched fd has an event."""
        return self._epoll.fileno() if self._epoll is not None else None

    @property
    def host(self) -> Host | None:
        """The host loop this loop is a guest of, if any."""
        return self._host

    @property
    def running(self) -> bool:
        return self._running

    def _poll_timeout(self) -> float | None:
        """How long the poll phase may block (``uv_backend_timeout``), in seconds."""
        if (self._pending or self._closing or self._immediates or self._ticks
                or self._thread_calls or not (self._refs or self._ref_timers)):
            return 0.0
        deadline = self._next_deadline()
        if deadline is None:
            return None
        # Discussion: epoll has 1 ms resolution and rounds down; ceil the wait
        # so a timer is never polled for, found not yet due, and spun on.
        return max(0.0, math.ceil(deadline - self._now)) / 1000.0

    def _poll(self) -> None:
        timeout = self._poll_timeout()
        if self._sleep is not None:
            timeout = self._sleep(timeout)
        if self._epoll is not None:
            self._poll_epoll(timeout)
            return
        self._poll_selector(timeout)

    def _poll_selector(self, timeout: float | None) -> None:
        """The poll phase through the selectors API (a given selector, a host's)."""
        assert self._selector is not None
        events = self._selector.select(timeout)
        self.update_time()
        watches = self._watches
        for key, mask in events:
            if key.data is None:
                self._run_thread_calls()
                continue
            watch: Watcher = key.data
            if watches.get(key.fd) is not watch:
                continue  # Unwatched (and maybe reused) by an earlier callback.
            if mask & _READ and watch.watching & _READ:
                if mask & EVENT_HANGUP:
                    self._call(watch.on_hangup, ())
                else:
                    self._call(watch.on_readable, ())
            if mask & _WRITE and watch.watching & _WRITE and watches.get(key.fd) is watch:
                self._call(watch.on_writable, ())

    def _poll_epoll(self, timeout: float | None) -> None:
        """The poll phase on the loop's own epoll object, without the
        per-event ``SelectorKey`` lookups of :meth:`selectors.EpollSelector.select`
        (same masks, same timeout rounding)."""
        assert self._epoll is not None
        watches = self._watches
        wait = -1.0 if timeout is None else math.ceil(timeout * 1e3) * 1e-3
        removed = self._removed
        removed.clear()
        read_stopped = self._read_stopped
        read_stopped.clear()
        ticks = self._ticks  # The same deque for the loop's life.
        try:
            ready = self._epoll.poll(wait, len(watches) + 1)
        except InterruptedError:
            ready = []
        self._now = self.clock.now()
        wake = self._wake_fd
        for fd, mask in ready:
            # A callback may unwatch an fd and the kernel may hand the number
            # to a new socket before its event here: skip what was removed.
            if removed and fd in removed:
                continue
            watch = watches.get(fd)
            if watch is None:
                if fd == wake:
                    self._run_thread_calls()
                continue
            # Discussion: this is _call() inlined, once per fd event (the
            # hottest loop of the library).  An event that is EPOLLIN alone
            # (a request arrived) is the common case: its reader is called
            # without the hang-up and writability tests below.
            # The registration only reports EPOLLIN alone while reading, unless
            # an earlier callback of this batch stopped the read watch.
            if mask == _EPOLLIN:
                if not (read_stopped and fd in read_stopped):
                    try:
                        watch.on_readable()
                    except BaseException as exc:
                        self._uncaught(exc)
                    if ticks:
                        self._drain_ticks()
                continue
            if mask & _NOT_EPOLLOUT and watch.watching & _READ:
                try:
                    if mask & _EPOLLHUP:
                        watch.on_hangup()
                    else:
                        watch.on_readable()
                except BaseException as exc:
                    self._uncaught(exc)
                if self._ticks:
                    self._drain_ticks()
            if mask & _NOT_EPOLLIN and watch.watching & _WRITE and fd not in removed:
                self._call(watch.on_writable, ())

    def _run_thread_calls(self) -> None:
        try:
            while self._wake_r.recv(4096):
                pass
        except (BlockingIOError, InterruptedError):
            pass
        self._wake_pending = False
        calls = self._thread_calls
        try:
            for _ in range(len(calls)):
                callback, args = calls.popleft()
                self._call(callback, args)
        finally:
            if calls and not self._wake_pending:
                # An exception escaped: wake the next poll for the rest.
                self._wake_pending = True
                self._wake_w.send(b"\0")

    def _run_queue(self, queue: deque[tuple[Callback, tuple[Any, ...]]]) -> None:
        for _ in range(len(queue)):
            callback, args = queue.popleft()
            self._call(callback, args)

    def _run_closing(self) -> None:
        """``uv__run_closing_handles``: the handles closed before the phase, newest
        first (``uv__make_close_pending`` pushes on the head of a list)."""
        batch = self._closing
        self._closing = deque()
        try:
            while batch:
                callback, args = batch.pop()
                self._call(callback, args)
        finally:
            if batch:  # An exception escaped: keep the rest for the next phase.
                batch.extend(self._closing)
                self._closing = batch

    def _run_immediates(self) -> None:
        queue = self._immediates
        if not queue:
            return
        # Immediates queued from here on run next turn (Node's processImmediate).
        self._immediates = deque()
        try:
            while queue:
                immediate = queue.popleft()
                if not immediate._pending:
                    continue
                immediate._pending = False
                if immediate._ref:
                    self._ref_immediates -= 1
                self._batch_call(immediate._callback, immediate._args)
        finally:
            if queue:  # An exception escaped: keep the rest, in order, first.
                queue.extend(self._immediates)
                self._immediates = queue
        if self._ticks:  # What a throw left (processImmediate's scope closing).
            self._drain_ticks()

    def drain_ticks(self) -> None:
        """Run the ``nextTick`` queue now, as after every callback the loop makes
        (Node's ``InternalCallbackScope`` closing a ``MakeCallback``): for a handle
        that makes several callbacks in one wakeup (one per UDP datagram)."""
        if self._ticks:
            self._drain_ticks()

    def _call(self, callback: Callback, args: tuple[Any, ...]) -> None:
        try:
            result = callback(*args)
            if result is not None and type(result) is _CoroutineType:
                settle(result)
        except BaseException as exc:
            self._uncaught(exc)
        if self._ticks:
            self._drain_ticks()

    def _batch_call(self, callback: Callback, args: tuple[Any, ...]) -> None:
        """:meth:`_call` for a timer or an immediate: Node runs those in a batch
        from JS (``listOnTimeout``, ``processImmediate``), with ``runNextTicks()``
        between two callbacks.  An exception, from the callback or from a tick,
        unwinds the batch; once it is handled, C++ restarts the batch
        (``RunTimers``, ``CheckImmediate``), whose first callback runs with no
        ``runNextTicks()`` before it.  So what a throw leaves in the tick queue
        (and the microtasks) runs after the *next* callback of the batch, or
        when the batch ends."""
        try:
            result = callback(*args)
            if result is not None and type(result) is _CoroutineType:
                settle(result)
        except BaseException as exc:
            self._uncaught(exc)
            return
        ticks = self._ticks
        while ticks:
            tick, tick_args = ticks.popleft()
            try:
                result = tick(*tick_args)
                if result is not None and type(result) is _CoroutineType:
                    settle(result)
            except BaseException as exc:
                self._uncaught(exc)
                return

    def _drain_ticks(self) -> None:
        """Node's ``processTicksAndRejections``: run the tick queue until it is
        empty.  The microtask queue runs from its marker tick (see
        :meth:`queue_microtask`), so it comes after the ticks before it."""
        ticks = self._ticks
        while ticks:
            callback, args = ticks.popleft()
            try:
                result = callback(*args)
                if result is not None and type(result) is _CoroutineType:
                    settle(result)
            except BaseException as exc:
                self._uncaught(exc)

    def _run_microtasks(self, after_ticks: bool = True) -> None:
        """The marker tick: once the ticks queued before it have run, drain the
        microtask queue, then report unhandled rejections; what they queue runs
        in the same drain, ticks first (V8's ``RunMicrotasks`` inside Node's
        ``processTicksAndRejections``).  ``after_ticks`` False: the drain is
        already under way (:meth:`run_microtask_now`), microtasks go first."""
        ticks = self._ticks
        if ticks and after_ticks:  # Ticks queued after the marker still run before microtasks.
            ticks.append(self._microtask_mark)
            return
        microtasks = self._microtasks
        self._in_microtasks = True  # (_checkpoint_due stays true while it drains)
        try:
            while True:
                while microtasks:
                    callback, args = microtasks.popleft()
                    try:
                        callback(*args)
                    except BaseException as exc:
                        self._uncaught(exc)
                if ticks:
                    break
                work = self.rejection_work
                if work is None or not work() or not (ticks or microtasks):
                    break
                if ticks:
                    break
        finally:
            self._in_microtasks = False
            if microtasks or (ticks and self.rejection_work is not None):
                ticks.append(self._microtask_mark)  # (still due)
            else:
                self._checkpoint_due = False

    def trigger_uncaught(self, exc: BaseException, origin: str = "uncaughtException") -> None:
        """Node's ``TriggerUncaughtException``: hand ``exc`` to the uncaught-exception
        hook (``process.on('uncaughtException')``); raise it when nothing handles it."""
        self._uncaught(exc, origin)

    def _uncaught(self, exc: BaseException, origin: str = "uncaughtException") -> None:
        hook = _uncaught_hook
        if isinstance(exc, Exception) and hook is not None and (
                hook(exc, origin) if _uncaught_hook_origin else hook(exc)):
            return
        raise exc

    # -- introspection and shutdown ------------------------------------------------

    def statistics(self) -> LoopStatistics:
        return LoopStatistics(
            refs=self._refs,
            timers=self._active_timers,
            ref_timers=self._ref_timers,
            immediates=sum(1 for i in self._immediates if i._pending),
            ticks=len(self._ticks),
            pending=len(self._pending),
            closing=len(self._closing),
            thread_calls=len(self._thread_calls),
            watched_fds=len(self._watches),
        )

    def close(self) -> None:
        """Release the selector and the wakeup pair.  The loop is unusable after."""
        if self._closed:
            return
        self._closed = True
        if self._epoll is not None:
            self._epoll.close()
        if self._selector is not None:
            self._selector.close()
        self._wake_r.close()
        self._wake_w.close()


_current: Loop | None = None


def get_loop() -> Loop:
    """The loop pynet's module-level functions use (created on first use)."""
    global _current
    if _current is None:
        _current = Loop()
    return _current


def set_loop(loop: Loop | None) -> Loop | None:
    """Make ``loop`` the current loop (``None``: a new one on next use); returns the old."""
    global _current
    old, _current = _current, loop
    return old
