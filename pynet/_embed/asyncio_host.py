"""pynet's loop as a guest of an asyncio loop (``pynet.asyncio``, mapping §12).

Theory of operation
-------------------
The design of Twisted's asyncio reactor, with pynet's phases kept whole:

* **fds**: the guest loop registers its watches on a :class:`ReadySelector`,
  which turns them into asyncio ``add_reader``/``add_writer`` calls.  asyncio's
  callbacks only *mark* the fd ready and schedule a step; the step's poll
  phase polls (timeout 0) the marked fds and those watched since the last
  step, so it sees what epoll would, ``POLLHUP`` included.  ``unregister`` calls
  ``remove_reader``/``remove_writer`` at once, and pynet's handles unwatch an
  fd before they close it, so asyncio never polls a closed (or reused) fd.
* **steps**: one asyncio callback per asyncio iteration, at most, runs
  :meth:`pynet._core.loop.Loop.step` — libuv's ``uv_run(UV_RUN_NOWAIT)``:
  pending, poll, check, close, timers, each callback followed by the tick
  drain — so Node's order holds among pynet's callbacks.
* **time**: one asyncio timer (``call_later``) for the earliest pynet
  deadline, re-armed after every step (``Loop.backend_timeout``).
* **work queued from outside** (an asyncio task calls ``socket.write`` or
  ``setTimeout``): the loop calls :meth:`AsyncioHost.poke`, which schedules a
  step with ``call_soon``.
* **threads**: ``callFromThread`` becomes ``call_soon_threadsafe``.
* **signals**: ``process.on('SIGINT')`` & co. use ``add_signal_handler``.
* **promises**: an asyncio task may ``await`` a pynet Promise (it waits on
  an asyncio future the promise settles), and a pynet async function may
  ``await`` asyncio futures and the coroutines built on them
  (``asyncio.sleep``, streams): the function resumes on a microtask once the
  future is done (:class:`AsyncioAwaits`).
* **errors**: an exception escaping a pynet callback with no
  ``'uncaughtException'`` listener goes to asyncio's exception handler (the
  host's rule for callbacks), and the next step carries on; while
  ``pynet.run()`` drives the host (see :meth:`AsyncioHost.run`), it
  propagates out of ``run()`` as it does on pynet's own loop.

Invariants
----------
* At most one step is scheduled at any time (``_scheduled``), and no step
  runs inside another.
* While installed, every fd the guest watches is registered with asyncio
  exactly as the guest's watch says (reader, writer or both), and nothing else.

The asyncio event loop must have ``add_reader`` (the selector loops, uvloop);
the Proactor loop has not and is refused.
"""

from __future__ import annotations

import asyncio
import select
import selectors
import signal
import threading
from collections.abc import Callable, Generator, Mapping
from typing import Any

from pynet._core.loop import EVENT_HANGUP, Loop, get_loop
from pynet._core.promise import Promise, exception_of, set_foreign_awaits
from pynet.process import emitter as process

__all__ = ["AsyncioHost", "ReadySelector", "install", "uninstall"]

_READ = selectors.EVENT_READ
_WRITE = selectors.EVENT_WRITE


class ReadySelector(selectors.BaseSelector):
    """A selector whose fds asyncio watches; ``select`` returns what it marked ready."""

    def __init__(self, aloop: asyncio.AbstractEventLoop, on_ready: Callable[[], None]) -> None:
        self._aloop = aloop
        self._on_ready = on_ready
        self._keys: dict[int, selectors.SelectorKey] = {}
        self._ready: dict[int, int] = {}
        # Watched (or changed) since the last select: polled then too, as an
        # epoll registration is seen by the next epoll_wait, whatever asyncio
        # has or has not reported yet.
        self._fresh: set[int] = set()

    def _mark_read(self, fd: int) -> None:
        self._ready[fd] = self._ready.get(fd, 0) | _READ
        self._on_ready()

    def _mark_write(self, fd: int) -> None:
        self._ready[fd] = self._ready.get(fd, 0) | _WRITE
        self._on_ready()

    def _watch(self, fd: int, old: int, new: int) -> None:
        aloop = self._aloop
        if new & _READ and not old & _READ:
            aloop.add_reader(fd, self._mark_read, fd)
        elif old & _READ and not new & _READ:
            aloop.remove_reader(fd)
        if new & _WRITE and not old & _WRITE:
            aloop.add_writer(fd, self._mark_write, fd)
        elif old & _WRITE and not new & _WRITE:
            aloop.remove_writer(fd)
        ready = self._ready.get(fd)
        if ready is not None:
            if ready & new:
                self._ready[fd] = ready & new
            else:
                del self._ready[fd]

    def register(self, fileobj: Any, events: int, data: Any = None) -> selectors.SelectorKey:
        """Watch ``fileobj`` (an fd) through asyncio for ``events``."""
        fd = fileobj if isinstance(fileobj, int) else fileobj.fileno()
        if fd in self._keys:
            raise KeyError(f"{fd} is already registered")
        key = selectors.SelectorKey(fileobj, fd, events, data)
        self._watch(fd, 0, events)
        self._keys[fd] = key
        self._fresh.add(fd)
        return key

    def unregister(self, fileobj: Any) -> selectors.SelectorKey:
        """Stop watching ``fileobj``: asyncio forgets it at once."""
        fd = fileobj if isinstance(fileobj, int) else fileobj.fileno()
        key = self._keys.pop(fd)
        self._watch(fd, key.events, 0)
        return key

    def modify(self, fileobj: Any, events: int, data: Any = None) -> selectors.SelectorKey:
        """Change what ``fileobj`` is watched for."""
        fd = fileobj if isinstance(fileobj, int) else fileobj.fileno()
        old = self._keys[fd]
        key = selectors.SelectorKey(fileobj, fd, events, data)
        self._watch(fd, old.events, events)
        self._keys[fd] = key
        self._fresh.add(fd)
        return key

    def select(self, timeout: float | None = None) -> list[tuple[selectors.SelectorKey, int]]:
        """The fds marked (or watched) since the last call, polled with timeout 0.

        The poll gives each fd's state now, with ``POLLHUP`` (which asyncio's
        callbacks do not tell), so a hang-up after data ends the stream in the
        same wakeup, as on pynet's own loop (libuv's ``uv__stream_io``).
        """
        ready, fresh = self._ready, self._fresh
        if not ready and not fresh:
            return []
        self._ready, self._fresh = {}, set()
        keys = self._keys
        poller = select.poll()
        for fd in ready.keys() | fresh:
            key = keys.get(fd)
            if key is not None:
                poller.register(fd, (select.POLLIN if key.events & _READ else 0)
                                | (select.POLLOUT if key.events & _WRITE else 0))
        events = []
        for fd, revents in poller.poll(0):
            key = keys[fd]
            mask = 0
            if revents & ~select.POLLOUT:  # selectors' rule: anything but POLLOUT reads
                mask |= _READ
            if revents & ~select.POLLIN:
                mask |= _WRITE
            mask &= key.events
            if revents & select.POLLHUP:
                mask |= EVENT_HANGUP
            if mask:
                events.append((key, mask))
        return events

    def get_map(self) -> Mapping[Any, selectors.SelectorKey]:
        """The registered fds."""
        return dict(self._keys)

    def close(self) -> None:
        """Unwatch everything."""
        for fd in list(self._keys):
            self.unregister(fd)


class AsyncioAwaits:
    """Awaits between asyncio tasks and pynet async functions (a ``ForeignAwaits``)."""

    def __init__(self, aloop: asyncio.AbstractEventLoop) -> None:
        self.aloop = aloop

    def wait(self, promise: Promise[Any]) -> Generator[Any, Any, Any]:
        """``await promise`` in an asyncio task: an asyncio future the promise settles."""
        future = self.aloop.create_future()

        def fulfilled(value: Any) -> None:
            if not future.done():
                future.set_result(value)

        def rejected(reason: Any) -> None:
            if not future.done():
                future.set_exception(exception_of(reason))

        promise.then(fulfilled, rejected)
        return (yield from future.__await__())

    def adopt(self, yielded: Any, wake: Callable[[], None]) -> bool:
        """An asyncio future a pynet async function awaits: wake it when done."""
        if not asyncio.isfuture(yielded):
            return False
        yielded.add_done_callback(lambda future: wake())
        return True


def _check_loop(aloop: asyncio.AbstractEventLoop) -> None:
    add_reader = getattr(type(aloop), "add_reader", None)
    if add_reader is None or add_reader is asyncio.AbstractEventLoop.add_reader:
        raise RuntimeError(
            f"pynet.asyncio: {type(aloop).__name__} cannot watch file descriptors (it has no "
            "add_reader, like Windows' ProactorEventLoop); run pynet on a selector event loop "
            "(asyncio.SelectorEventLoop) or uvloop")


def _is_uvloop(aloop: asyncio.AbstractEventLoop) -> bool:
    return type(aloop).__module__.split(".")[0] == "uvloop"


class AsyncioHost:
    """Runs a pynet :class:`~pynet._core.loop.Loop` from an asyncio loop (a ``Host``)."""

    def __init__(self, loop: Loop, aloop: asyncio.AbstractEventLoop) -> None:
        _check_loop(aloop)
        self.loop = loop
        self.aloop = aloop
        # Discussion: uvloop forgets an fd's add_reader/add_writer after an
        # error event (EPOLLERR: a reset connection; uvloop's
        # UVPoll._fatal_error), which would leave a reset socket unread
        # forever.  On uvloop the guest keeps its own epoll and uvloop
        # watches that one fd, which never reports an error; its readiness is
        # level-triggered, like each fd's.
        self._backend_fd = loop.backend_fd() if _is_uvloop(aloop) else None
        self.selector: selectors.BaseSelector | None = (
            ReadySelector(aloop, self.poke) if self._backend_fd is None else None)
        self._scheduled: asyncio.Handle | None = None
        self._timer: asyncio.TimerHandle | None = None
        self._timer_delay: float | None = None
        self._first = True
        self._idle: asyncio.Future[None] | None = None
        self._signals: dict[int, Any] = {}  # signum -> the handler before ours

    # -- the Host protocol ------------------------------------------------------

    def poke(self) -> None:
        """Schedule a step for the next asyncio iteration (once)."""
        if self._scheduled is None:
            self._scheduled = self.aloop.call_soon(self._step)

    def wake(self) -> None:
        """From any thread: schedule a step (``call_soon_threadsafe``)."""
        try:
            self.aloop.call_soon_threadsafe(self.poke)
        except RuntimeError:
            if not self.aloop.is_closed():
                raise
            # The host is gone: the call waits for the next run, as it does
            # on pynet's own loop when nothing runs.

    def run(self) -> None:
        """``pynet.run()`` while hosted: run asyncio until pynet's loop is not alive.

        Only when the asyncio loop is not running already (tests, scripts
        that hand the thread to asyncio this way); inside a running asyncio
        loop, pynet needs no ``run()``.
        """
        aloop = self.aloop
        if aloop.is_running():
            raise RuntimeError("pynet.run() is not called in guest mode: the running asyncio "
                               "loop runs pynet's loop (pynet.asyncio.uninstall() to leave it)")
        if not self.loop.alive() and not self._first:
            return
        idle = self._idle = aloop.create_future()
        self.poke()
        try:
            aloop.run_until_complete(idle)
        finally:
            self._idle = None

    # -- stepping ------------------------------------------------------------------

    def _step(self) -> None:
        self._scheduled = None
        first, self._first = self._first, False
        try:
            alive = self.loop.step(first)
        except Exception as exc:
            self._arm()  # The rest of the work runs on the next step.
            idle, self._idle = self._idle, None
            if idle is not None and not idle.done():
                idle.set_exception(exc)  # Out of pynet.run(), as on pynet's own loop.
            else:
                self.aloop.call_exception_handler({
                    "message": "Uncaught exception in a pynet callback",
                    "exception": exc,
                })
            return
        except BaseException:
            self._arm()
            raise  # KeyboardInterrupt, SystemExit: out of asyncio's run, as asyncio does.
        self._arm()
        if not alive and self._idle is not None and not self._idle.done():
            self._idle.set_result(None)

    def _arm(self) -> None:
        """Schedule the next step: now, at the earliest pynet deadline, or on fds only."""
        if self.loop.host is not self:
            return
        timeout = self.loop.backend_timeout()
        if timeout == 0.0:
            self.poke()
            return
        if timeout == self._timer_delay and self._timer is not None and timeout is not None \
                and abs(self._timer.when() - (self.aloop.time() + timeout)) < 0.001:
            return
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        self._timer_delay = timeout
        if timeout is not None:
            self._timer = self.aloop.call_later(timeout, self._on_timer)

    def _on_timer(self) -> None:
        self._timer = None
        self._timer_delay = None
        self.poke()

    # -- signals ---------------------------------------------------------------------

    def add_signal(self, signum: int, handler: Callable[[int], None]) -> None:
        """Deliver ``signum`` through asyncio's ``add_signal_handler``."""
        previous = signal.getsignal(signum)
        self.aloop.add_signal_handler(signum, handler, signum)
        self._signals[signum] = previous

    def remove_signal(self, signum: int) -> None:
        """Stop delivering ``signum``."""
        if signum in self._signals:
            previous = self._signals.pop(signum)
            if not self.aloop.is_closed():
                self.aloop.remove_signal_handler(signum)
            # uvloop leaves its own handler behind; put back what was there.
            signal.signal(signum, previous)

    # -- install / uninstall ------------------------------------------------------------

    def attach(self) -> None:
        """Take the pynet loop over."""
        self.loop.set_host(self)
        if self._backend_fd is not None:
            self.aloop.add_reader(self._backend_fd, self.poke)
        process.set_signal_backend(self.add_signal, self.remove_signal)
        self.poke()

    def detach(self) -> None:
        """Give the pynet loop back to its own poll."""
        process.set_signal_backend(None, None)
        if self._backend_fd is not None and not self.aloop.is_closed():
            self.aloop.remove_reader(self._backend_fd)
        if self._scheduled is not None:
            self._scheduled.cancel()
            self._scheduled = None
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        self.loop.set_host(None)


_installed: AsyncioHost | None = None
_lock = threading.Lock()


def install(loop: asyncio.AbstractEventLoop | None = None) -> None:
    """Make pynet's loop a guest of the running asyncio loop (or of ``loop``).

    From then on pynet's timers, I/O and ticks run from asyncio's loop, in
    Node's order among themselves, and ``pynet.run()`` is not called.  A
    selector event loop and uvloop work; the Proactor loop is refused
    (``RuntimeError``).  Installing on the same asyncio loop again does nothing.
    """
    global _installed
    if loop is None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            raise RuntimeError("pynet.asyncio.install() is called inside a running asyncio "
                               "loop (or given the loop to use)") from None
    with _lock:
        pynet_loop = get_loop()
        if _installed is not None:
            if _installed.aloop is loop and _installed.loop is pynet_loop:
                return
            raise RuntimeError("pynet.asyncio: pynet's loop is already a guest of another "
                               "asyncio loop; uninstall() first")
        if pynet_loop.running:
            raise RuntimeError("pynet.asyncio.install() cannot be called while pynet.run() runs")
        host = AsyncioHost(pynet_loop, loop)
        host.attach()
        set_foreign_awaits(AsyncioAwaits(loop))
        _installed = host


def uninstall() -> None:
    """Return pynet to its own loop (``pynet.run()`` drives it again)."""
    global _installed
    with _lock:
        host, _installed = _installed, None
    if host is not None:
        set_foreign_awaits(None)
        host.detach()


def installed() -> asyncio.AbstractEventLoop | None:
    """The asyncio loop pynet is a guest of, if any."""
    host = _installed
    return host.aloop if host is not None else None
