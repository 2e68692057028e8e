"""``Stream``: the base of every stream class (Node's ``internal/streams/legacy.js``).

Theory of operation
-------------------
In Node, ``Readable`` and ``Writable`` both inherit from the legacy
``Stream`` (an ``EventEmitter``), and ``Duplex`` inherits ``Readable`` and
copies ``Writable``'s methods.  Here ``Duplex`` inherits both
(``class Duplex(Readable, Writable)``), so ``isinstance(duplex, Writable)``
holds as Node's ``Symbol.hasInstance`` makes it hold (mapping §13).

Node keeps a ``ReadableState`` and a ``WritableState`` object per stream; pynet
keeps their fields directly on the stream, as ``__slots__`` (``_r_*`` for the
readable side, ``_w_*`` for the writable side): one attribute load per field
on the hot path instead of two, and no state objects per connection.  The
fields that ``destroy.js`` sets on both states together (destroyed, errored,
closed, errorEmitted, closeEmitted, constructed, emitClose, autoDestroy) are
kept once, here.

Discussion: all the slots are declared on this one base.  CPython refuses a
class with two bases that both add slots ("multiple bases have instance
lay-out conflict"), so ``Readable`` and ``Writable`` add none and share this
layout; a plain ``Readable`` carries the writable slots unused (a few hundred
bytes, no ``__dict__`` lookups).  pyee's base class still gives instances a
``__dict__``, which is where option functions (``{'read': fn}``) land.

Rarely set fields (an encoding, a listener for ``'readable'``, the end of the
stream's life; ``net.Socket``'s timeout, keep-alive, proxy...) are not slots:
each is a :class:`RareField` on the class, whose value lives in the stream's
``_pynet_rare`` dict, made when one of them is first set to something other
than its default.  An idle socket thus carries one slot for all of them (the
dict is ``None``) instead of one slot each; reading one costs a Python call,
so a field read for every chunk stays a slot.

Invariant: ``_has_r``/``_has_w`` say whether the class carries Node's
``_readableState``/``_writableState``; the shared code tests them where Node
tests ``stream._readableState`` / ``stream._writableState``.
"""

from __future__ import annotations

from typing import Any, ClassVar, Generic, TypeVar, overload

from pynet._core.loop import get_loop
from pynet._js.validators import validate_boolean
from pynet._js.value import truthy
from pynet._streams import destroy as _destroy_impl
from pynet.events import EventEmitter

__all__ = ["RareField", "Stream", "shared_int"]

_T = TypeVar("_T")


#: One int object per high water mark value (see :func:`shared_int`).
_SHARED_INTS: dict[int, int] = {}


def shared_int(n: int) -> int:
    """``n`` as the one int object kept for its value (up to 64 values).

    Discussion: every stream stores its two high water marks; the compiled
    build's ``get_high_water_mark`` returns a new int object per call (32
    bytes each, per stream: issue #16), where the interpreter returns the
    option's or the default's own object.
    """
    if len(_SHARED_INTS) < 64:
        return _SHARED_INTS.setdefault(n, n)
    return _SHARED_INTS.get(n, n)


class RareField(Generic[_T]):
    """A stream field that is rarely set: its value is kept in the stream's
    ``_pynet_rare`` dict (``None`` until a field is set to a value that is not
    its default), and reading it without a value gives ``default``.

    Discussion: for the fields an idle connection never sets (issue #16: a
    slot is 8 bytes per socket, set or not); the hot paths read only slots.
    Setting a field to its default (by identity) while the dict does not
    exist makes none.
    """

    __slots__ = ("default", "name")

    def __init__(self, default: _T) -> None:
        self.default = default
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> RareField[_T]: ...
    @overload
    def __get__(self, obj: Stream, owner: type | None = None) -> _T: ...

    def __get__(self, obj: Stream | None, owner: type | None = None) -> Any:
        if obj is None:
            return self
        rare = obj._pynet_rare
        if rare is None:
            return self.default
        return rare.get(self.name, self.default)

    def __set__(self, obj: Stream, value: _T) -> None:
        rare = obj._pynet_rare
        if rare is None:
            if value is self.default:
                return
            obj._pynet_rare = {self.name: value}
        else:
            rare[self.name] = value


class Stream(EventEmitter):
    """Node's legacy ``Stream``: an EventEmitter that the stream classes share."""

    __slots__ = (
        # Shared (destroy.js sets both states together).
        "_close_emitted",
        "_constructed",
        "_destroyed",
        "_emit_close",
        "_error_emitted",
        "_errored",
        "_loop",
        "_pynet_capture",
        "_pynet_rare",
        "_pynet_shape",
        # Readable state.
        "_r_await_drain",
        "_r_buffer",
        "_r_data_emitted",
        "_r_decoder",
        "_r_emitted_readable",
        "_r_end_emitted",
        "_r_ended",
        "_r_flowing",
        "_r_hwm",
        "_r_length",
        "_r_need_readable",
        "_r_object_mode",
        "_r_paused",
        "_r_pipes",
        "_r_read_hook",
        "_r_readable_flag",
        "_r_reading",
        "_r_reading_more",
        "_r_resume_scheduled",
        "_r_sync",
        # Writable state.
        "_w_after_tick",
        "_w_buffered",
        "_w_corked",
        "_w_decode_strings",
        "_w_ended",
        "_w_ending",
        "_w_finished",
        "_w_hwm",
        "_w_length",
        "_w_need_drain",
        "_w_object_mode",
        "_w_onwrite",
        "_w_pendingcb",
        "_w_sync",
        "_w_writable_flag",
        "_w_writecb",
        "_w_writelen",
        "_w_writing",
    )

    #: The rarely set fields (RareField): name -> value, or None while all are defaults.
    _pynet_rare: dict[str, Any] | None
    # Shared.
    _auto_destroy: RareField[bool] = RareField(True)
    _closed: RareField[bool] = RareField(False)
    # Readable state.
    _r_default_encoding: RareField[str] = RareField("utf8")
    _r_encoding: RareField[str | None] = RareField(None)
    _r_readable_listening: RareField[bool] = RareField(False)
    # Writable state.
    _w_buffer_processing: RareField[bool] = RareField(False)
    _w_default_encoding: RareField[str] = RareField("utf8")
    _w_final_called: RareField[bool] = RareField(False)
    _w_prefinished: RareField[bool] = RareField(False)
    _w_on_finished: RareField[list[Any] | tuple[()]] = RareField(())

    # The fields' types (set by Readable._init_readable / Writable._init_writable).
    _r_ended: bool
    _r_end_emitted: bool
    _r_readable_flag: bool
    _r_reading: bool
    _w_ended: bool
    _w_ending: bool
    _w_finished: bool
    _w_writable_flag: bool

    #: Whether this class has Node's ``_readableState`` / ``_writableState``.
    _has_r = False
    _has_w = False
    #: The event names Node's constructor pre-shapes ``_events`` with, in order.
    _event_order: ClassVar[tuple[str, ...]] = ()

    def __init__(self) -> None:
        super().__init__()
        # EventEmitter's per-instance flags live in slots here (see pynet.events).
        self._pynet_shape = False
        self._pynet_capture = EventEmitter.captureRejections
        self._pynet_rare = None
        self._loop = get_loop()
        self._destroyed = False
        self._error_emitted = False
        self._close_emitted = False
        self._errored: BaseException | None = None
        self._constructed = True
        self._emit_close = True

    def pipe(self, dest: Any, options: Any = None) -> Any:
        """Node's legacy ``Stream.prototype.pipe`` (for a plain ``Stream``;
        ``Readable`` has its own): 'data' is written to ``dest``, the source
        pauses while ``dest.write()`` returns False and resumes at 'drain';
        'end' ends ``dest`` and 'close' destroys it, once; an error on either
        side removes the pipe's listeners and is re-emitted if nothing else
        listens.  ``dest`` gets 'pipe'; returns ``dest``."""
        source = self
        did_on_end = False

        def ondata(chunk: Any) -> None:
            if (truthy(getattr(dest, "writable", None)) and dest.write(chunk) is False
                    and callable(getattr(source, "pause", None))):
                source.pause()  # type: ignore[attr-defined]

        def ondrain() -> None:
            if truthy(getattr(source, "readable", None)) and callable(
                    getattr(source, "resume", None)):
                source.resume()  # type: ignore[attr-defined]

        def onend() -> None:
            nonlocal did_on_end
            if not did_on_end:
                did_on_end = True
                dest.end()

        def onclose() -> None:
            nonlocal did_on_end
            if not did_on_end:
                did_on_end = True
                if callable(getattr(dest, "destroy", None)):
                    dest.destroy()

        def on_error(emitter: Any) -> Any:
            def onerror(er: Any) -> None:
                cleanup()
                # Node: EE.listenerCount(this, 'error'), not an own listenerCount.
                if not emitter.listeners("error"):
                    emitter.emit("error", er)
            return onerror

        source_onerror = on_error(source)
        dest_onerror = on_error(dest)

        def cleanup() -> None:
            source.removeListener("data", ondata)
            dest.removeListener("drain", ondrain)
            source.removeListener("end", onend)
            source.removeListener("close", onclose)
            source.removeListener("error", source_onerror)
            dest.removeListener("error", dest_onerror)
            source.removeListener("end", cleanup)
            source.removeListener("close", cleanup)
            dest.removeListener("close", cleanup)

        source.on("data", ondata)
        dest.on("drain", ondrain)
        end = options.get("end") if isinstance(options, dict) else None
        if end is not False:
            source.on("end", onend)
            source.on("close", onclose)
        prepend_listener(source, "error", source_onerror)
        prepend_listener(dest, "error", dest_onerror)
        source.on("end", cleanup)
        source.on("close", cleanup)
        dest.on("close", cleanup)
        dest.emit("pipe", source)
        return dest

    def eventNames(self) -> list[Any]:
        """Node's ``Stream.prototype.eventNames``: the events with listeners, the
        pre-shaped ones first in their constructor's order (``'error', 'data'``
        for a Readable even when ``'data'`` got its listener first)."""
        names = super().eventNames()
        order = self._event_order
        if not self._pynet_shape or not order:
            return names
        # Discussion: Node keeps a shape-mode key in place when its last listener
        # goes (``events[type] = undefined``); here an event that is not
        # pre-shaped, removed and added again, moves to the end. Out of shape
        # mode (after removeAllListeners) the order is insertion order, as for a
        # fresh ``_events`` in Node.
        return [n for n in order if n in names] + [n for n in names if n not in order]

    def _init_shared(self, opts: dict[str, Any]) -> None:
        """The options both states read: ``emitClose`` and ``autoDestroy``; and
        what ``Stream.call(this, options)`` does: ``captureRejections``, and
        Node's pre-shaped ``_events`` (shape mode, see :mod:`pynet.events`)."""
        self._pynet_shape = True
        capture = opts.get("captureRejections")
        if capture is not None and truthy(capture):
            self._pynet_capture = validate_boolean(capture, "options.captureRejections")
        if opts.get("emitClose") is False:
            self._emit_close = False
        if opts.get("autoDestroy") is False:
            self._auto_destroy = False

    def nodejsRejection(self, err: Any, *_: Any) -> None:
        """Node's ``stream[Symbol.for('nodejs.rejection')]``: a listener's rejected
        promise, under ``captureRejections``, destroys the stream with the error."""
        self.destroy(err)  # type: ignore[attr-defined]

    # ------------------------------------------------------- shared state

    @property
    def destroyed(self) -> bool:
        """``True`` after ``destroy()`` has been called."""
        return self._destroyed

    @destroyed.setter
    def destroyed(self, value: bool) -> None:
        # Node: backward compatibility, the user is managing destroyed.
        self._destroyed = bool(value)

    @property
    def closed(self) -> bool:
        """``True`` after ``'close'`` has been emitted."""
        return self._closed

    @property
    def errored(self) -> BaseException | None:
        """The error the stream was destroyed with, or ``None``."""
        return self._errored

    # Node's destroy.js, shared by every stream class.
    _error_or_destroy = _destroy_impl.error_or_destroy
    _undestroy = _destroy_impl.undestroy
    _emit_error_close_nt = _destroy_impl.emit_error_close_nt
    _emit_error_nt = _destroy_impl.emit_error_nt
    _emit_close_nt = _destroy_impl.emit_close_nt

    def _destroy(self, err: BaseException | None, cb: Any) -> None:
        cb(err)

    def _on_constructed(self) -> None:
        """What each state does once ``_construct`` has called back (``kOnConstructed``)."""


def prepend_listener(emitter: Any, event: str, fn: Any) -> None:
    """Node's ``prependListener`` helper of ``legacy.js``: the emitter's own
    ``prependListener``, or EventEmitter's when the emitter has none (an object
    that replaced it, or an old-style emitter)."""
    own = getattr(emitter, "prependListener", None)
    if callable(own):
        own(event, fn)
    else:
        EventEmitter.prependListener(emitter, event, fn)
