"""Node's ``stream.Transform`` and ``stream.PassThrough`` (``transform.js``, ``passthrough.js``).

Theory of operation
-------------------
A Transform is a Duplex whose writable side feeds its readable side: each
written chunk goes to ``_transform(chunk, encoding, callback)``, which
``push``es output (or passes it as ``callback(None, data)``).  The write
callback is held back while the readable buffer is at its high water mark, and
released by the next ``_read``, so a slow reader slows the writer.  ``end()``
calls ``_flush(callback)`` (through ``_final``, or on ``'prefinish'`` when a
subclass replaces ``_final``), then ``push(None)``.

Invariant: at most one write callback is held back (``_held``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pynet import errors
from pynet._core.calls import settle
from pynet._streams.duplex import Duplex
from pynet._streams.utils import get_high_water_mark, merge_options, option_function

__all__ = ["PassThrough", "Transform"]


class Transform(Duplex):
    """Node's ``stream.Transform``."""

    __slots__ = ("_held",)

    def __init__(self, options: dict[str, Any] | None = None, **kwargs: Any) -> None:
        opts = merge_options(options, kwargs)
        if opts and get_high_water_mark(opts, "readableHighWaterMark", True, False) == 0:
            opts = {**opts, "highWaterMark": None, "readableHighWaterMark": 0,
                    "writableHighWaterMark": opts.get("writableHighWaterMark") or 0}
        Duplex.__init__(self, opts)
        self._r_sync = False
        self._held: Callable[..., Any] | None = None
        transform = option_function(opts, "transform", 3)
        if transform is not None:
            self._transform = transform  # type: ignore[method-assign]
        flush = option_function(opts, "flush", 1)
        if flush is not None:
            self._flush = flush
        self.on("prefinish", self._on_prefinish)

    #: Node's ``_flush``: None unless a subclass or the options give one.
    _flush: Callable[..., Any] | None = None

    def _transform(self, chunk: Any, encoding: Any, callback: Callable[..., Any]) -> None:
        raise errors.ERR_METHOD_NOT_IMPLEMENTED("_transform()")

    def _final(self, cb: Callable[..., Any] | None = None) -> None:
        """Node's ``final``: ``_flush``, then the end of the readable side."""
        if self._flush is not None and not self._destroyed:
            def on_flush(er: BaseException | None = None, data: Any = None, *_: Any) -> None:
                if er is not None:
                    if cb is not None:
                        cb(er)
                    else:
                        self.destroy(er)
                    return
                if data is not None:
                    self.push(data)
                self.push(None)
                if cb is not None:
                    cb()
            settle(self._flush(on_flush))
        else:
            self.push(None)
            if cb is not None:
                cb()

    def _on_prefinish(self) -> None:
        # A subclass (or the 'final' option) replaced _final: flush here instead.
        if "_final" in self.__dict__ or type(self)._final is not Transform._final:
            Transform._final(self)

    def _write(self, chunk: Any, encoding: str, callback: Callable[..., Any]) -> None:
        length = self._r_length

        def on_transformed(err: BaseException | None = None, val: Any = None, *_: Any) -> None:
            if err is not None:
                callback(err)
                return
            if val is not None:
                self.push(val)
            if self._r_ended:
                self._loop.next_tick(callback)
            elif self._w_ended or length == self._r_length or self._r_length < self._r_hwm:
                callback()
            else:
                self._held = callback

        result = self._transform(chunk, encoding, on_transformed)  # type: ignore[func-returns-value]
        if result is not None:
            settle(result)

    def _read(self, n: int) -> None:
        callback = self._held
        if callback is not None:
            self._held = None
            callback()


class PassThrough(Transform):
    """Node's ``stream.PassThrough``: a Transform that passes every chunk on."""

    __slots__ = ()

    def _transform(self, chunk: Any, encoding: Any, callback: Callable[..., Any]) -> None:
        callback(None, chunk)
