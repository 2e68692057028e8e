"""Node's ``stream.Duplex`` (``lib/internal/streams/duplex.js``, v20): both state machines.

Theory of operation
-------------------
A :class:`Duplex` is a :class:`~pynet._streams.readable.Readable` and a
:class:`~pynet._streams.writable.Writable` on one emitter.  Node makes
``Duplex`` inherit ``Readable`` and copies ``Writable``'s methods onto it;
here it inherits both, so ``isinstance(duplex, Writable)`` holds as Node's
``Symbol.hasInstance`` makes ``duplex instanceof Writable`` hold (mapping
§13) and the hot path pays no isinstance hook, and it copies ``Writable``'s
methods too (:func:`_copy_writable_methods`), so that, as in Node, replacing
``Writable.write`` later does not change a Duplex's ``write``.  The two sides share one
destroyed/errored/closed state (Node's ``destroy`` sets both together), and
``destroy`` is ``Writable``'s (which fails buffered writes), as in Node.

Options are Node's: ``allowHalfOpen`` (default True: the writable side stays
open after the readable side ends), ``readable``/``writable`` (False: that
side starts ended), ``objectMode``, ``readableObjectMode``,
``writableObjectMode``, ``highWaterMark``, ``readableHighWaterMark``,
``writableHighWaterMark``, ``emitClose``, ``autoDestroy``, ``decodeStrings``,
``defaultEncoding``, ``encoding``, ``signal``, and the implementation
functions ``read``, ``write``, ``writev``, ``final``, ``destroy``,
``construct``.

Invariant: with ``allowHalfOpen`` False, the end of the readable side ends the
writable side on the next tick.
"""

from __future__ import annotations

import types
from typing import Any, ClassVar

from pynet._streams import destroy as _destroy_impl
from pynet._streams.legacy import Stream
from pynet._streams.readable import Readable
from pynet._streams.utils import (
    DEFAULT_HIGH_WATER_MARK,
    IMPLEMENTATION_OPTIONS,
    merge_options,
    option_function,
)
from pynet._streams.writable import Writable

__all__ = ["DEFAULT_HIGH_WATER_MARK", "Duplex"]


class Duplex(Readable, Writable):
    """Node's ``stream.Duplex``: a readable and writable stream.

    Attributes:
        ``allowHalfOpen``: if ``False``, the stream ends its writable side when the
            readable side ends (Node's ``allowHalfOpen`` option, default ``True``).
    """

    __slots__ = ("allowHalfOpen",)
    _event_order: ClassVar[tuple[str, ...]] = (
        "close", "error", "prefinish", "finish", "drain", "data", "end", "readable")

    def __init__(self, options: dict[str, Any] | None = None, **kwargs: Any) -> None:
        opts = kwargs if options is None else merge_options(options, kwargs)
        Stream.__init__(self)
        self._init_shared(opts)
        self._init_readable(opts, True)
        self._init_writable(opts, True)
        self.allowHalfOpen = opts.get("allowHalfOpen") is not False
        if opts.get("readable") is False:
            self._r_readable_flag = False
            self._r_ended = True
            self._r_end_emitted = True
        if opts.get("writable") is False:
            self._w_writable_flag = False
            self._w_ending = True
            self._w_ended = True
            self._w_finished = True
        if not opts.keys().isdisjoint(IMPLEMENTATION_OPTIONS):
            read = option_function(opts, "read", 1)
            if read is not None:
                self._read = read  # type: ignore[method-assign]
            self._take_writable_options(opts)
        if opts.get("signal") is not None:
            from pynet._streams.add_abort_signal import add_abort_signal
            add_abort_signal(opts["signal"], self)
        if self._construct is not None:
            _destroy_impl.construct(self, self._on_constructed)

    def _on_constructed(self) -> None:
        Readable._on_constructed(self)
        Writable._on_constructed(self)

    destroy = Writable.destroy  # type: ignore[assignment]
    pipe = Readable.pipe


def _copy_writable_methods() -> None:
    """Node's loop in duplex.js: every method of ``Writable.prototype`` that
    ``Duplex.prototype`` does not have yet (from ``Readable``) is copied onto it.

    Discussion: the copies are new function objects with their own code
    objects, not the same functions.  That keeps Node's rule (a later
    ``Writable.write = f`` does not reach a Duplex), and it is what makes a
    pipeline's write path fast on CPython 3.11: the interpreter's inline
    caches (the attribute-access specialisations) live in the code object and
    remember one class each, so ``write``/``_onwrite`` run alternately on a
    Transform and a Writable kept missing them, and every ``self._w_*`` went
    through the generic attribute lookup (about a fifth of an in-memory
    pipeline's instructions per chunk, counted with callgrind).
    """
    for name, value in list(vars(Writable).items()):
        if (isinstance(value, types.FunctionType) and not name.startswith("__")
                and not hasattr(Readable, name) and name not in vars(Duplex)):
            code = value.__code__.replace()  # A code object of its own: its own caches.
            copy = types.FunctionType(code, value.__globals__, value.__name__,
                                      value.__defaults__, value.__closure__)
            copy.__kwdefaults__ = value.__kwdefaults__
            copy.__qualname__ = value.__qualname__
            copy.__doc__ = value.__doc__
            copy.__annotations__ = value.__annotations__
            copy.__dict__.update(value.__dict__)
            setattr(Duplex, name, copy)


_copy_writable_methods()
