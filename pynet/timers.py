"""Node's timers: ``setTimeout``, ``setInterval``, ``setImmediate`` and friends.

Theory of operation: :class:`Timeout` is a :class:`pynet._core.loop.Timer` with
Node's face (``ref``/``unref``/``hasRef``/``refresh``/``close`` returning the
timer, ``int(t)`` as its primitive id); :class:`Immediate` wraps a loop
immediate.  Both run on the current loop (:func:`pynet._core.loop.get_loop`).

Node's rules (lib/timers.js, lib/internal/timers.js ``Timeout``):

* delays are milliseconds; a delay that is not a number (``bool`` is not), is
  NaN, ``< 1`` or ``> 2**31 - 1`` becomes 1 ms, the last with a
  :class:`TimeoutOverflowWarning`;
* extra arguments are passed to the callback, as many as it accepts (read
  once, :func:`pynet._core.calls.fit_args`); an async callback's coroutine is
  started by the loop;
* ``clearTimeout``/``clearInterval`` take the object, its primitive id, or
  ``None`` (a no-op), and each clears either kind;
* a non-callable callback raises ``ERR_INVALID_ARG_TYPE``.

``NODE_DEBUG=timer`` prints Node's debug lines (lib/internal/timers.js's
``insert``, ``processTimers``, ``listOnTimeout``; lib/timers.js's
``unenroll``).  Node keeps one list of timers per duration; pynet's loop keeps
one heap, so with the section enabled ``_DebugLists`` shadows Node's
lists (timers by duration, in insertion order) to say what Node says: a list
created, the timer phase starting (``process timer lists <now>``, the
loop's time in ms), a list's timers running, and why a list stops (its next
timer not due yet, or the list empty).  Without it nothing is kept.
"""

from __future__ import annotations

import itertools
import warnings
import weakref
from collections.abc import Callable
from typing import Any

from pynet._core.calls import fit_args
from pynet._core.loop import Immediate as _LoopImmediate
from pynet._core.loop import Timer, get_loop
from pynet._core.promise import Promise
from pynet._js import debuglog
from pynet._js.number import number_to_string, to_number
from pynet._js.validators import (
    TIMEOUT_MAX,
    TimeoutOverflowWarning,
    invalid_arg_type,
    validate_boolean,
    validate_object,
)
from pynet.abort import AbortError, AbortSignal

__all__ = [
    "Immediate",
    "Timeout",
    "TimeoutOverflowWarning",
    "clearImmediate",
    "clearInterval",
    "clearTimeout",
    "promises",
    "setImmediate",
    "setInterval",
    "setTimeout",
]

# NODE_DEBUG=timer: tested before any argument is built.
_DEBUG = debuglog.enabled("timer")
_debug = debuglog.debuglog("timer")

_ids = itertools.count(1)
_by_id: weakref.WeakValueDictionary[int, Timeout] = weakref.WeakValueDictionary()


def _validate_callback(callback: Any) -> None:
    if not callable(callback):
        raise invalid_arg_type("callback", "function", callback)


def _coerce_delay(delay: Any) -> float:
    """Node's ``Timeout`` constructor: ``after *= 1``; 1 ms unless in ``[1, TIMEOUT_MAX]``."""
    # Discussion: `after *= 1` is JavaScript's Number(after): numbers stay,
    # numeric strings convert (' 20 ', '0x10', '1e3'), None and booleans give
    # 0/1, and everything else is NaN; all of those but the numbers in range
    # end up as 1 ms.
    after = to_number(delay)
    if not (1 <= after <= TIMEOUT_MAX):  # Also catches NaN.
        if after > TIMEOUT_MAX:
            warnings.warn(TimeoutOverflowWarning(
                f"{number_to_string(after)} does not fit into a 32-bit signed integer.\n"
                "Timeout duration was set to 1."), stacklevel=3)
        return 1
    return after


class Timeout(Timer):
    """The object ``setTimeout``/``setInterval`` return (Node's ``Timeout``)."""

    # __weakref__: _by_id holds Timeouts weakly (here, not on Timer: a compiled Timer has none).
    __slots__ = ("__weakref__", "_destroyed", "_id")

    def __init__(self, callback: Callable[..., Any], delay: float, args: tuple[Any, ...],
                 repeat: bool) -> None:
        if _DEBUG:
            callback = self._debug_traced(callback)
        super().__init__(get_loop(), callback, args, delay, delay if repeat else None)
        self._id = next(_ids)
        self._destroyed = False

    if _DEBUG:  # Defined only then: no cost otherwise.
        def start(self, delay: float | None = None) -> None:
            """(Re)arm the timer, and Node's ``insert`` for ``NODE_DEBUG=timer``."""
            super().start(delay)
            _debug_lists.insert(self, self._delay, self._loop.now())

    def _debug_traced(self, callback: Callable[..., Any]) -> Callable[..., Any]:
        """``callback`` inside ``processTimers``/``listOnTimeout``'s lines
        (``NODE_DEBUG=timer`` only: the closure holds the timer)."""
        def fire(*args: Any) -> Any:
            now = self._loop.now()
            _debug_lists.begin(self, self._delay, now)
            try:
                return callback(*args)
            finally:
                _debug_lists.end(self, self._delay, now,
                                 self._repeat is not None and not self._destroyed)
        return fire

    def ref(self) -> Timeout:  # type: ignore[override]
        """When called, requests that the loop not exit so long as the ``Timeout`` is
        active (the default).  Returns the ``Timeout``.
        """
        super().ref()
        return self

    def unref(self) -> Timeout:  # type: ignore[override]
        """When called, the active ``Timeout`` will not require the loop to remain active:
        :func:`pynet.run` may return before it fires.  Returns the ``Timeout``.
        """
        super().unref()
        return self

    def hasRef(self) -> bool:
        """If ``True``, the ``Timeout`` keeps the loop active."""
        return self._ref

    def refresh(self) -> Timeout:
        """Restart the timer with its original delay, from now.

        As in Node, this re-arms a timer that has already fired, but not one
        that was cleared.
        """
        if not self._destroyed:
            self.start()
        return self

    def close(self) -> Timeout:
        """Cancel the timer (as ``clearTimeout``)."""
        if _DEBUG and not self._destroyed:
            _debug_lists.unenroll(self, self._delay)
        self._destroyed = True
        self.stop()
        return self

    def __int__(self) -> int:
        _by_id[self._id] = self
        return self._id

    __index__ = __int__

    def __repr__(self) -> str:
        kind = "Interval" if self._repeat is not None else "Timeout"
        return f"<{kind} {self._delay}ms {'active' if self.active else 'inactive'}>"


def setTimeout(callback: Callable[..., Any], delay: Any = 1, *args: Any) -> Timeout:
    """Call ``callback(*args)`` once, after ``delay`` milliseconds."""
    _validate_callback(callback)
    timer = Timeout(callback, _coerce_delay(delay), fit_args(callback, args), repeat=False)
    timer.start()
    return timer


def setInterval(callback: Callable[..., Any], delay: Any = 1, *args: Any) -> Timeout:
    """Call ``callback(*args)`` every ``delay`` milliseconds."""
    _validate_callback(callback)
    timer = Timeout(callback, _coerce_delay(delay), fit_args(callback, args), repeat=True)
    timer.start()
    return timer


def clearTimeout(timer: Any) -> None:
    """Cancel a timer made by ``setTimeout`` or ``setInterval``; ``None`` is a no-op."""
    if isinstance(timer, Timeout):
        timer.close()
    elif isinstance(timer, (int, str)) and not isinstance(timer, bool):
        try:
            found = _by_id.get(int(timer))
        except ValueError:
            return
        if found is not None:
            found.close()


clearInterval = clearTimeout


class _DebugLists:
    """Node's timer lists, shadowed for ``NODE_DEBUG=timer`` only (module docs)."""

    def __init__(self) -> None:
        self.lists: dict[float, list[Timeout]] = {}
        # Each listed timer's _idleStart: when it was (re)inserted, in loop time.
        self.starts: weakref.WeakKeyDictionary[Timeout, float] = weakref.WeakKeyDictionary()
        self.phase: float | None = None  # the loop time of the timer phase running
        self.started: set[float] = set()  # the lists listOnTimeout began in it

    def insert(self, timer: Timeout, msecs: float, now: float) -> None:
        """``insert``: append to the duration's list, creating it if needed."""
        for listed in self.lists.values():
            if timer in listed:
                listed.remove(timer)
        entries = self.lists.get(msecs)
        if entries is None:
            _debug("no %d list was found in insert, creating a new one", msecs)
            entries = self.lists[msecs] = []
        entries.append(timer)
        self.starts[timer] = now

    def unenroll(self, timer: Timeout, msecs: float) -> None:
        """``unenroll``: remove; an empty list goes."""
        entries = self.lists.get(msecs)
        if entries is None:
            return
        if timer in entries:
            entries.remove(timer)
        if not entries:
            _debug("unenroll: list empty")
            del self.lists[msecs]

    def begin(self, timer: Timeout, msecs: float, now: float) -> None:
        """A timer fires: ``processTimers``' and ``listOnTimeout``'s first lines."""
        if self.phase != now:
            self.phase = now
            self.started = set()
            _debug("process timer lists %d", int(now))  # uv_now() is whole ms
        if msecs not in self.started:
            self.started.add(msecs)
            _debug("timeout callback %d", msecs)
        entries = self.lists.get(msecs)
        if entries is not None and timer in entries:
            entries.remove(timer)

    def end(self, timer: Timeout, msecs: float, now: float, again: bool) -> None:
        """After its callback (an interval goes back in its list): the list's
        last line when its next timer is not due, or it is empty."""
        if again:
            self.lists.setdefault(msecs, []).append(timer)
            self.starts[timer] = now
        entries = self.lists.get(msecs)
        if entries:
            diff = now - self.starts.get(entries[0], now - msecs)
            if diff < msecs:
                _debug("%d list wait because diff is %d", msecs, int(diff))
            return
        _debug("%d list empty", msecs)
        self.lists.pop(msecs, None)


_debug_lists = _DebugLists()


class Immediate:
    """The object ``setImmediate`` returns (Node's ``Immediate``)."""

    __slots__ = ("_handle",)

    def __init__(self, handle: _LoopImmediate) -> None:
        self._handle = handle

    def ref(self) -> Immediate:
        """When called, requests that the loop not exit so long as the ``Immediate`` is
        active (the default).  Returns the ``Immediate``.
        """
        self._handle.ref()
        return self

    def unref(self) -> Immediate:
        """When called, the active ``Immediate`` will not require the loop to remain
        active.  Returns the ``Immediate``.
        """
        self._handle.unref()
        return self

    def hasRef(self) -> bool:
        """If ``True``, the ``Immediate`` keeps the loop active."""
        return self._handle.has_ref()

    def __repr__(self) -> str:
        return f"<Immediate {'pending' if self._handle.pending else 'done'}>"


def setImmediate(callback: Callable[..., Any], *args: Any) -> Immediate:
    """Call ``callback(*args)`` in the check phase of this loop turn."""
    _validate_callback(callback)
    return Immediate(get_loop().set_immediate(callback, *fit_args(callback, args)))


def clearImmediate(immediate: Any) -> None:
    """Cancel an immediate; anything else (``None`` included) is a no-op."""
    if isinstance(immediate, Immediate):
        immediate._handle.cancel()


# --- timers/promises ----------------------------------------------------------------


def _promise_options(options: Any) -> tuple[Any, bool]:
    """``(signal, ref)`` from ``timers/promises`` options, validated as Node does."""
    if options is None:
        return None, True
    validate_object(options, "options")
    get = options.get if isinstance(options, dict) else (lambda k, d=None: getattr(options, k, d))
    signal, ref = get("signal"), get("ref", True)
    if signal is not None and not isinstance(signal, AbortSignal):
        raise invalid_arg_type("options.signal", "AbortSignal", signal)
    validate_boolean(ref, "options.ref")
    return signal, ref


def _promise_timer(arm: Callable[[Callable[..., Any]], Any], cancel: Callable[[Any], None],
                   options: Any) -> Promise[Any]:
    """Node's ``setTimeout``/``setImmediate`` of ``timers/promises``."""
    try:
        signal, ref = _promise_options(options)
    except Exception as exc:
        return Promise.reject(exc)
    if signal is not None and signal.aborted:
        return Promise.reject(AbortError(cause=signal.reason))
    on_cancel: Callable[..., None] | None = None

    def executor(resolve: Callable[..., None], reject: Callable[..., None]) -> None:
        nonlocal on_cancel
        handle = arm(resolve)
        if not ref:
            handle.unref()
        if signal is not None:
            def cancel_listener(*_: Any) -> None:
                if not getattr(handle, "_destroyed", False) and _still_pending(handle):
                    cancel(handle)
                    reject(AbortError(cause=signal.reason))
            on_cancel = cancel_listener
            signal.addEventListener("abort", cancel_listener)

    promise: Promise[Any] = Promise(executor)
    if on_cancel is not None:
        cancel_listener = on_cancel
        return promise.finally_(lambda: signal.removeEventListener("abort", cancel_listener))
    return promise


def _still_pending(handle: Any) -> bool:
    if isinstance(handle, Immediate):
        return handle._handle.pending
    return bool(handle.active)


class _IntervalState:
    """The timer side of one ``setInterval`` iterator (kept apart from the
    iterator so that the timer does not keep the iterator alive)."""

    def __init__(self, after: Any, options: Any) -> None:
        self.wake: Callable[..., None] | None = None
        self.not_yielded = 0
        self.error: BaseException | None = None
        self.signal, ref = _promise_options(options)
        self.interval: Timeout | None = None
        if self.signal is not None and self.signal.aborted:
            self.error = AbortError(cause=self.signal.reason)
            return
        self.interval = setInterval(self.tick, after)
        if not ref:
            self.interval.unref()
        if self.signal is not None:
            self.signal.addEventListener("abort", self.on_cancel, {"once": True})

    def tick(self) -> None:
        self.not_yielded += 1
        wake, self.wake = self.wake, None
        if wake is not None:
            wake(None)

    def on_cancel(self, *_: Any) -> None:
        self.close()
        self.error = AbortError(cause=self.signal.reason)
        wake, self.wake = self.wake, None
        if wake is not None:
            wake(None)

    def close(self) -> None:
        if self.interval is not None:
            self.interval.close()
            self.interval = None
        if self.signal is not None:
            self.signal.removeEventListener("abort", self.on_cancel)


class _IntervalIterator:
    """``timers/promises``'s ``setInterval``: ``async for value in setInterval(ms, value)``.

    Leaving the loop (``break``, an exception, dropping the iterator) clears
    the interval at once, as JavaScript's ``return()`` does.
    """

    def __init__(self, after: Any, value: Any, options: Any) -> None:
        self._after = after
        self._value = value
        self._options = options
        self._done = False
        self._state: _IntervalState | None = None

    def __aiter__(self) -> _IntervalIterator:
        return self

    async def __anext__(self) -> Any:
        # An async generator in Node: nothing (validation, the timer) happens
        # before the first next().
        state = self._state
        if state is None:
            if self._done:
                raise StopAsyncIteration
            try:
                state = self._state = _IntervalState(self._after, self._options)
            except BaseException:
                self._done = True
                raise
        while state.error is None and not self._done:
            if state.not_yielded:
                state.not_yielded -= 1
                return self._value
            await Promise(lambda resolve: setattr(state, "wake", resolve))
        self._done = True
        state.close()
        error, state.error = state.error, None
        if error is not None:
            raise error
        raise StopAsyncIteration

    def return_(self) -> Promise[None]:
        """JavaScript's ``iterator.return()``: clear the interval."""
        self._done = True
        if self._state is not None:
            self._state.close()
        return Promise.resolve(None)

    async def aclose(self) -> None:
        self.return_()

    def __del__(self) -> None:
        state = getattr(self, "_state", None)
        if state is not None:
            try:
                state.close()
            except Exception:
                pass


class _Scheduler:
    """``timers/promises``'s ``scheduler``: ``wait(delay[, options])`` and ``yield_()``."""

    @staticmethod
    def wait(delay: Any, options: Any = None) -> Promise[None]:
        return _TimersPromises.setTimeout(delay, None, options)

    @staticmethod
    def yield_() -> Promise[None]:
        return _TimersPromises.setImmediate()


class _TimersPromises:
    """``require('timers/promises')``, as ``pynet.timers.promises``."""

    #: Node's ``timers/promises`` ``scheduler``: ``wait(delay)`` and ``yield_()``.
    scheduler = _Scheduler()

    @staticmethod
    def setTimeout(delay: Any = 1, value: Any = None, options: Any = None) -> Promise[Any]:
        """A Promise of ``value``, fulfilled after ``delay`` ms (options: ``signal``, ``ref``)."""
        return _promise_timer(lambda resolve: setTimeout(resolve, delay, value), clearTimeout,
                              options)

    @staticmethod
    def setImmediate(value: Any = None, options: Any = None) -> Promise[Any]:
        """A Promise of ``value``, fulfilled in this turn's check phase."""
        return _promise_timer(lambda resolve: setImmediate(resolve, value), clearImmediate,
                              options)

    @staticmethod
    def setInterval(delay: Any = 1, value: Any = None,
                    options: Any = None) -> _IntervalIterator:
        """An async iterator yielding ``value`` every ``delay`` ms."""
        return _IntervalIterator(delay, value, options)


#: ``require('timers/promises')``: ``setTimeout``, ``setImmediate``, ``setInterval``
#: and ``scheduler``, returning pynet Promises and async iterators.
promises = _TimersPromises()


# util.promisify(setTimeout) is timers.promises.setTimeout, as in Node
# (``util.promisify.custom``).
setTimeout.__promisify__ = promises.setTimeout  # type: ignore[attr-defined]
setImmediate.__promisify__ = promises.setImmediate  # type: ignore[attr-defined]
