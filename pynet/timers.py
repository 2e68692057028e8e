"""Node's timers: ``setTimeout``, ``setInterval``, ``setImmediate`` and friends.

Theory of operation: :class:`Timeout` is a :class:`pynet._core.loop.Timer` with
Node's face (``ref``/``unref``/``hasRef``/``refresh``/``close`` returning the
timer, ``int(t)`` as its primitive id); :class:`Immediate` wraps a loop
immediate.  Both run on the current loop (:func:`pynet._core.loop.get_loop`).

Node's rules (lib/timers.js, lib/internal/timers.js ``Timeout``):

* delays are milliseconds; a delay that is not a number (``bool`` is not), is
  NaN, ``< 1`` or ``> 2**31 - 1`` becomes 1 ms, the last with a
  :class:`TimeoutOverflowWarning`;
* extra arguments are passed to the callback, as many as it accepts (mapping §5:
  :func:`pynet._js.call.fit_args`; missing ones are ``None``);
* ``clearTimeout``/``clearInterval`` take the object, its primitive id, or
  ``None`` (a no-op), and each clears either kind;
* a non-callable callback raises ``ERR_INVALID_ARG_TYPE``.
"""

from __future__ import annotations

import itertools
import warnings
import weakref
from collections.abc import Callable
from typing import Any

from pynet._core.loop import Immediate as _LoopImmediate
from pynet._core.loop import Timer, get_loop
from pynet._js.call import fit_args
from pynet._js.number import number_to_string, to_number
from pynet._js.validators import TIMEOUT_MAX, TimeoutOverflowWarning, invalid_arg_type

__all__ = [
    "Immediate",
    "Timeout",
    "TimeoutOverflowWarning",
    "clearImmediate",
    "clearInterval",
    "clearTimeout",
    "setImmediate",
    "setInterval",
    "setTimeout",
]

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

    __slots__ = ("_destroyed", "_id")

    def __init__(self, callback: Callable[..., Any], delay: float, args: tuple[Any, ...],
                 repeat: bool) -> None:
        super().__init__(get_loop(), callback, args, delay, delay if repeat else None)
        self._id = next(_ids)
        self._destroyed = False

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
