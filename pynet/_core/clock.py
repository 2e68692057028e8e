"""Clocks for the loop: the real monotonic one, and a fake one for tests.

The loop asks its clock two things (the :class:`Clock` protocol):

* ``now()`` — monotonic time in **milliseconds**, Node's unit (the loop
  caches the value once per turn, like libuv's ``uv_update_time``);
* ``sleep(timeout)`` — the loop is about to block in ``select`` for
  ``timeout`` seconds (``None`` = until an fd is ready).  The clock returns the
  timeout to really use.  The real clock returns it unchanged; a
  :class:`FakeClock` in autojump mode instead jumps its own time forward by
  ``timeout`` and returns 0, so timer tests never sleep (trio's
  ``MockClock(autojump_threshold=0)``).
"""

from __future__ import annotations

import time
from typing import Protocol

__all__ = ["Clock", "FakeClock", "MonotonicClock"]


class Clock(Protocol):
    def now(self) -> float: ...

    def sleep(self, timeout: float | None) -> float | None: ...


class MonotonicClock:
    """The real clock: :func:`time.monotonic`, sleeping for real."""

    __slots__ = ()

    def now(self) -> float:
        return time.monotonic() * 1000.0

    def sleep(self, timeout: float | None) -> float | None:
        return timeout


class FakeClock:
    """A clock that only moves when told to (or, with ``autojump``, when idle).

    ``advance(ms)`` moves it forward by ``ms`` milliseconds.  With
    ``autojump=True`` (the default) a loop that would block with a finite
    timeout jumps straight to the deadline instead.  A loop that would block
    forever still blocks: that means fds are watched and only they can wake it.
    """

    __slots__ = ("_now", "autojump")

    def __init__(self, start: float = 1_000_000.0, *, autojump: bool = True) -> None:
        self._now = start  # Milliseconds; whole numbers stay exact.
        self.autojump = autojump

    def now(self) -> float:
        return self._now

    def advance(self, ms: float) -> None:
        if ms < 0:
            raise ValueError("time only moves forward")
        self._now += ms

    def sleep(self, timeout: float | None) -> float | None:
        if self.autojump and timeout is not None:
            self._now += round(timeout * 1000.0, 6)
            return 0.0
        return timeout
