"""Node's ``stream.duplexPair([options])`` (``lib/internal/streams/duplexpair.js``).

Two Duplexes joined back to back: what one side writes, the other reads.  A
write's callback is held until the other side reads (its ``_read``), so the
pair carries backpressure; ending one side ends the other's readable side, and
its ``_final`` completes at the other side's ``'end'``.

Invariant: each side holds at most one write callback (``_held``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pynet._streams.duplex import Duplex
from pynet._streams.utils import merge_options

__all__ = ["duplex_pair"]


class _DuplexSide(Duplex):
    __slots__ = ("_held", "_other")

    def __init__(self, options: dict[str, Any]) -> None:
        super().__init__(options)
        self._held: Callable[..., Any] | None = None
        self._other: _DuplexSide | None = None

    def _read(self, n: int) -> None:
        callback = self._held
        if callback is not None:
            self._held = None
            callback()

    def _write(self, chunk: Any, encoding: str, callback: Callable[..., Any]) -> None:
        other = self._other
        assert other is not None and other._held is None
        if not self._w_object_mode and len(chunk) == 0:
            self._loop.next_tick(callback)
        else:
            other.push(chunk)
            other._held = callback

    def _final(self, callback: Callable[..., Any]) -> None:
        other = self._other
        assert other is not None
        other.on("end", callback)
        other.push(None)


def duplex_pair(options: Any = None, **kwargs: Any) -> list[Duplex]:
    """``[side0, side1]``: two Duplexes, each the other's peer."""
    opts = merge_options(options, kwargs)
    side0, side1 = _DuplexSide(opts), _DuplexSide(opts)
    side0._other, side1._other = side1, side0
    return [side0, side1]
