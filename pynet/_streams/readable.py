"""Node's ``stream.Readable`` state machine (``lib/internal/streams/readable.js``, v20).

Theory of operation
-------------------
``push(chunk)`` either emits ``'data'`` at once (flowing, empty buffer, not
inside ``_read``) or buffers the chunk; ``push(None)`` is EOF, and ``'end'``
follows on a later tick once the buffer is drained.  The flowing mode is
``None`` (no consumer yet), ``True`` or ``False`` (paused).  ``push`` returns
False once ``readableLength >= readableHighWaterMark``; a socket then stops
reading, which is how backpressure reaches the TCP peer.  ``read(n)`` calls
``_read(highWaterMark)`` when the buffer runs below the high water mark.

Chunks are ``bytes`` (``str`` once ``setEncoding`` is set); in object mode any
Python object but ``None``, each counting 1 towards the length.  A ``str``
pushed to a byte stream is encoded (``'utf8'`` unless told otherwise).

A chunk that a paused stream buffers makes ``push`` queue Node's two ticks,
``emitReadable_`` then ``maybeReadMore_``; queued back to back, nothing can run
between them, so they run as one tick (``_emit_readable_(True)``), which
puts ``maybeReadMore_`` back at the head of the queue if a ``'readable'``
listener throws.  With ``emit`` EventEmitter's own, ``'readable'`` listeners
are called inline and ``read()`` skips a ``'data'`` emit that has no listener.

``NODE_DEBUG=stream`` prints Node's debug lines (``STREAM 1234: read 0``) at
the points where readable.js calls ``debug()``; each is guarded by the
module flag ``_DEBUG``, so a disabled section costs one global lookup.

Invariants
----------
* ``_r_length`` is the number of bytes (UTF-16 code units of a decoded
  string, as JS's ``string.length``; objects in object mode) in
  ``_r_buffer``, so ``readableLength`` and ``read(n)`` count what Node
  counts even for characters outside the BMP.  A Buffer unshifted into a
  decoded stream stays a Buffer (counted in bytes) and reads back as UTF-8
  text when joined with strings, as Node's ``BufferList`` does.
* ``'end'`` is emitted at most once, only once ``_r_length`` is 0 after EOF,
  and never after ``'error'`` or ``'close'``.
* Callbacks and events a call causes are never run inside that call, except
  where Node does so too (``'data'`` from ``push`` while flowing); deferral is
  by ``nextTick``.
"""

from __future__ import annotations

import re
import types
from collections import deque
from collections.abc import Callable
from typing import Any, ClassVar

from pynet import errors
from pynet._core.calls import settle
from pynet._js import debuglog
from pynet._js.encoding import StringDecoder, encode, normalize_encoding
from pynet._js.inspect import format_s
from pynet._js.number import js_trim
from pynet._js.validators import invalid_arg_type, out_of_range
from pynet._js.value import spread, to_string, truthy
from pynet._streams import destroy as _destroy_impl
from pynet._streams.async_iterator import ReadableAsyncIterator
from pynet._streams.legacy import Stream, shared_int
from pynet._streams.pipe import pipe as _pipe
from pynet._streams.utils import (
    get_high_water_mark,
    merge_options,
    option_function,
)
from pynet.events import EventEmitter

__all__ = ["Readable"]

_MAX_HWM = 0x40000000
_PLAIN_EMIT = EventEmitter.emit  # See read() and _emit_readable_.
_LISTENER_COUNT = EventEmitter.listenerCount
_CoroutineType = types.CoroutineType
_INT_PREFIX = re.compile(r"[+-]?[0-9]+")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")

# NODE_DEBUG=stream (readable.js's debug()): tested before any argument is built.
_DEBUG = debuglog.enabled("stream")
_debug = debuglog.debuglog("stream")


def _chunk_error(chunk: Any) -> Exception:
    return invalid_arg_type("chunk", ["string", "Buffer", "TypedArray", "DataView"], chunk)


class Readable(Stream):
    """Node's ``stream.Readable``."""

    __slots__ = ()
    _event_order: ClassVar[tuple[str, ...]] = ("close", "error", "data", "end", "readable")
    _has_r = True

    def __init__(self, options: dict[str, Any] | None = None, **kwargs: Any) -> None:
        opts = merge_options(options, kwargs)
        Stream.__init__(self)
        self._init_shared(opts)
        self._init_readable(opts, False)
        read = option_function(opts, "read", 1)
        if read is not None:
            self._read = read  # type: ignore[method-assign]
        destroy = option_function(opts, "destroy", 2)
        if destroy is not None:
            self._destroy = destroy  # type: ignore[method-assign]
        construct = option_function(opts, "construct", 1)
        if construct is not None:
            self._construct = construct
        if opts.get("signal") is not None:
            from pynet._streams.add_abort_signal import add_abort_signal
            add_abort_signal(opts["signal"], self)
        if self._construct is not None:
            _destroy_impl.construct(self, self._on_constructed)

    #: Node's ``_construct``: None unless a subclass or the options give one.
    _construct: Callable[..., Any] | None = None

    def _init_readable(self, opts: dict[str, Any], is_duplex: bool) -> None:
        """Node's ``ReadableState`` constructor."""
        object_mode = bool(opts.get("objectMode")) or (
            is_duplex and bool(opts.get("readableObjectMode")))
        self._r_object_mode = object_mode
        self._r_hwm = shared_int(get_high_water_mark(opts, "readableHighWaterMark", is_duplex,
                                                          object_mode))
        self._r_buffer: deque[Any] | None = None  # Made on first use: 10k idle sockets.
        self._r_length = 0
        self._r_flowing: bool | None = None
        self._r_paused: bool | None = None
        self._r_ended = False
        self._r_end_emitted = False
        self._r_readable_flag = True
        self._r_reading = False
        self._r_sync = True
        self._r_need_readable = False
        self._r_emitted_readable = False
        self._r_resume_scheduled = False
        self._r_reading_more = False
        # Called at the start of every read() (a subclass's addition to Node's
        # read, such as Socket.prototype.read's restart): None for most streams.
        self._r_read_hook: Callable[[], None] | None = None
        self._r_data_emitted = False
        self._r_decoder: StringDecoder | None = None
        self._r_pipes: list[Any] | None = None
        self._r_await_drain: set[Any] | None = None
        default_encoding = opts.get("defaultEncoding")
        if default_encoding is not None:  # (else "utf8", the RareField's default)
            name = normalize_encoding(default_encoding)
            if name is None:
                raise errors.ERR_UNKNOWN_ENCODING(format_s(default_encoding))
            self._r_default_encoding = name
        encoding = opts.get("encoding")
        if encoding is not None and truthy(encoding):
            self.setEncoding(encoding)

    def _on_constructed(self) -> None:
        if self._r_need_readable:
            self._maybe_read_more()

    # ===================================================================== hooks

    def _read(self, n: int) -> None:
        raise errors.ERR_METHOD_NOT_IMPLEMENTED("_read()")

    destroy = _destroy_impl.destroy

    # ================================================================ listeners

    # Node's Readable.prototype.on / removeListener, as EventEmitter's hooks
    # (one frame less per listener added or removed than overriding them).
    _pynet_watched = frozenset(("data", "readable"))
    _pynet_watched_removal = frozenset(("readable",))

    def _pynet_listener_added(self, event: Any) -> None:
        # Readable.prototype.on: a 'data' listener starts the flow unless paused.
        if event == "data":
            # Node calls this.listenerCount('readable'): a call only when it is
            # not EventEmitter's (which counts the stored listeners).
            if type(self).listenerCount is _LISTENER_COUNT and (
                    "listenerCount" not in self.__dict__):
                self._r_readable_listening = "readable" in self._pynet_events
            else:
                self._r_readable_listening = self.listenerCount("readable") > 0
            if self._r_flowing is not False:
                self.resume()
        elif event == "readable":
            if not self._r_end_emitted and not self._r_readable_listening:
                self._r_readable_listening = self._r_need_readable = True
                self._r_flowing = False
                self._r_emitted_readable = False
                if _DEBUG:
                    _debug("on readable")
                if self._r_length:
                    self._emit_readable()
                elif not self._r_reading:
                    self._loop.next_tick(self._n_reading_next_tick)

    def _pynet_listener_removed(self, event: Any) -> None:
        # Readable.prototype.removeListener: whether or not a listener was
        # removed, the 'readable' state is updated on the next tick.
        if event == "readable":
            self._loop.next_tick(self._update_readable_listening)

    def removeAllListeners(self, event: Any = None) -> Readable:
        """Removes all listeners, or those of ``event``; for ``'readable'``, reading
        state is updated on the next tick, as ``removeListener('readable', ...)`` does.
        """
        super().removeAllListeners(event)
        if event == "readable" or event is None:
            self._loop.next_tick(self._update_readable_listening)
        return self

    def _update_readable_listening(self) -> None:
        """Node's ``updateReadableListening``: back to flowing (or no mode)."""
        self._r_readable_listening = self.listenerCount("readable") > 0
        if self._r_resume_scheduled and self._r_paused is False:
            self._r_flowing = True
        elif self.listenerCount("data") > 0:
            self.resume()
        elif not self._r_readable_listening:
            self._r_flowing = None

    def _n_reading_next_tick(self) -> None:
        if _DEBUG:
            _debug("readable nexttick read 0")
        self.read(0)

    # =============================================================== properties

    @property
    def readable(self) -> bool:
        """``True`` if it is safe to call ``read()``: the stream has not been destroyed
        or emitted ``'error'`` or ``'end'``.
        """
        return (self._r_readable_flag and not self._destroyed and not self._error_emitted
                and not self._r_end_emitted)

    @readable.setter
    def readable(self, value: bool) -> None:
        self._r_readable_flag = bool(value)

    @property
    def readableFlowing(self) -> bool | None:
        """The current state of the readable side: ``None`` (no consumer yet), ``True``
        (flowing: ``'data'`` events) or ``False`` (paused).
        """
        return self._r_flowing

    @readableFlowing.setter
    def readableFlowing(self, value: bool | None) -> None:
        self._r_flowing = value

    @property
    def readableLength(self) -> int:
        """The number of bytes (or characters, after ``setEncoding``) in the queue ready
        to be read.
        """
        return self._r_length

    @property
    def readableHighWaterMark(self) -> int:
        """The ``highWaterMark`` passed when creating this stream (16384 by default, as in
        Node 20).
        """
        return self._r_hwm

    @property
    def readableEncoding(self) -> str | None:
        """The encoding set with ``setEncoding``, or ``None``."""
        return self._r_encoding

    @property
    def readableEnded(self) -> bool:
        """Becomes ``True`` when ``'end'`` is emitted."""
        return self._r_end_emitted

    @property
    def readableObjectMode(self) -> bool:
        """Node's ``objectMode`` of the readable side: always ``False`` (object mode is
        not ported; a socket refuses the option with ``ERR_INVALID_ARG_VALUE``).
        """
        return self._r_object_mode

    @property
    def readableBuffer(self) -> list[Any]:
        """The chunks waiting in the read buffer (a copy; Node returns its BufferList)."""
        return list(self._r_buffer or ())

    @property
    def readableDidRead(self) -> bool:
        """Whether ``'data'`` has been emitted."""
        return self._r_data_emitted

    @property
    def readableAborted(self) -> bool:
        """Whether the stream was destroyed or errored before emitting ``'end'``."""
        return bool(self._r_readable_flag and (self._destroyed or self._errored)
                    and not self._r_end_emitted)

    # ===================================================================== push

    def push(self, chunk: Any, encoding: str | None = None) -> bool:
        """Add ``chunk`` to the read side (``None`` is EOF); False means 'stop reading'."""
        if _DEBUG:
            _debug("push", debuglog.NULL if chunk is None else chunk)
        if chunk is None:
            self._r_reading = False
            self._on_eof_chunk()
            return False
        if (type(chunk) is bytes and chunk and self._r_decoder is None
                and not (self._r_object_mode or self._r_ended or self._destroyed
                         or self._errored)):
            # Discussion: the common push (a non-empty Buffer into a live byte
            # stream with no decoder) with _add_chunk inlined: a call less per
            # chunk, at every hop of a pipeline.  Keep it in step with the
            # general path below and _add_chunk.
            self._r_reading = False
            if (self._r_flowing and self._r_length == 0 and not self._r_sync
                    and "data" in self._pynet_events):
                if self._r_await_drain:
                    self._r_await_drain.clear()
                self._r_data_emitted = True
                self.emit("data", chunk)
            else:
                self._r_length += len(chunk)
                buf = self._r_buffer
                if buf is None:
                    buf = self._r_buffer = deque()
                buf.append(chunk)
                if self._r_need_readable:
                    if _DEBUG:
                        self._emit_readable()
                    else:  # _emit_readable, inlined (a paused stream: once per chunk).
                        self._r_need_readable = False
                        if not self._r_emitted_readable:
                            self._r_emitted_readable = True
                            if not self._r_reading_more and self._constructed:
                                # Both ticks, one right after the other: as one.
                                self._r_reading_more = True
                                self._loop.next_tick(self._emit_readable_, True)
                                return not self._r_ended and (
                                    self._r_length < self._r_hwm or self._r_length == 0)
                            self._loop.next_tick(self._emit_readable_)
            if not self._r_reading_more and self._constructed:  # _maybe_read_more, inlined
                self._r_reading_more = True
                self._loop.next_tick(self._maybe_read_more_)
            return not self._r_ended and (self._r_length < self._r_hwm or self._r_length == 0)
        if self._r_object_mode:
            if self._r_ended:
                self._error_or_destroy(errors.ERR_STREAM_PUSH_AFTER_EOF())
                return False
            if self._destroyed or self._errored:
                return False
            self._r_reading = False
            if self._r_decoder is not None and (encoding is None or not truthy(encoding)):
                chunk = self._r_decoder.write(chunk)
            self._add_chunk(chunk)
            return not self._r_ended and (self._r_length < self._r_hwm or self._r_length == 0)
        decoded = False
        if type(chunk) is str:
            name = (normalize_encoding(encoding) if encoding is not None and truthy(encoding)
                    else self._r_default_encoding)
            if name is None:
                raise errors.ERR_UNKNOWN_ENCODING(format_s(encoding))
            if self._r_encoding != name:
                chunk = encode(chunk, name)
            else:
                decoded = True
        elif not isinstance(chunk, (bytes, bytearray, memoryview)):
            self._error_or_destroy(_chunk_error(chunk))
            return False
        if len(chunk) <= 0:
            self._r_reading = False
            self._maybe_read_more()
        elif self._r_ended:
            self._error_or_destroy(errors.ERR_STREAM_PUSH_AFTER_EOF())
            return False
        elif self._destroyed or self._errored:
            return False
        else:
            self._r_reading = False
            decoder = self._r_decoder
            if decoder is not None and not decoded:
                chunk = decoder.write(chunk)
                if chunk:
                    self._add_chunk(chunk)
                else:
                    self._maybe_read_more()
            else:
                self._add_chunk(chunk)
        return not self._r_ended and (self._r_length < self._r_hwm or self._r_length == 0)

    def unshift(self, chunk: Any, encoding: str | None = None) -> bool:
        """Put ``chunk`` back at the front of the read buffer (Node's ``unshift``)."""
        if _DEBUG:
            _debug("unshift", debuglog.NULL if chunk is None else chunk)
        if chunk is None:
            self._r_reading = False
            self._on_eof_chunk()
            return False
        if not self._r_object_mode:
            if isinstance(chunk, str):
                name = (normalize_encoding(encoding) if encoding is not None and truthy(encoding)
                    else self._r_default_encoding)
                if name is None:
                    raise errors.ERR_UNKNOWN_ENCODING(format_s(encoding))
                if self._r_encoding != name:
                    data = encode(chunk, name)
                    # Node: Buffer.from(chunk, encoding).toString(state.encoding), a
                    # whole conversion (a decoder would hold back base64's remainder).
                    chunk = _to_string(data, self._r_encoding) if self._r_encoding else data
            elif not isinstance(chunk, (bytes, bytearray, memoryview)):
                self._error_or_destroy(_chunk_error(chunk))
                return False
            if not len(chunk):
                return not self._r_ended and (self._r_length < self._r_hwm
                                              or self._r_length == 0)
        if self._r_end_emitted:
            self._error_or_destroy(errors.ERR_STREAM_UNSHIFT_AFTER_END_EVENT())
        elif self._destroyed or self._errored:
            return False
        else:
            self._add_chunk(chunk, True)
        return not self._r_ended and (self._r_length < self._r_hwm or self._r_length == 0)

    def _add_chunk(self, chunk: Any, front: bool = False) -> None:
        if (self._r_flowing and self._r_length == 0 and not self._r_sync
                and "data" in self._pynet_events):
            if self._r_await_drain:
                self._r_await_drain.clear()
            self._r_data_emitted = True
            self.emit("data", chunk)
        else:
            if self._r_object_mode:
                self._r_length += 1
            else:
                self._r_length += len(chunk) if type(chunk) is bytes else _js_length(chunk)
            if self._r_buffer is None:
                self._r_buffer = deque()
            if front:
                self._r_buffer.appendleft(chunk)
            else:
                self._r_buffer.append(chunk)
            if self._r_need_readable:
                if _DEBUG:
                    self._emit_readable()
                else:  # _emit_readable, inlined (a paused stream: once per chunk).
                    self._r_need_readable = False
                    if not self._r_emitted_readable:
                        self._r_emitted_readable = True
                        self._loop.next_tick(self._emit_readable_)
        if not self._r_reading_more and self._constructed:  # _maybe_read_more, inlined
            self._r_reading_more = True
            self._loop.next_tick(self._maybe_read_more_)

    def _on_eof_chunk(self) -> None:
        if _DEBUG:
            _debug("onEofChunk")
        if self._r_ended:
            return
        if self._r_decoder is not None:
            rest = self._r_decoder.end()
            if rest:
                if self._r_buffer is None:
                    self._r_buffer = deque()
                self._r_buffer.append(rest)
                self._r_length += 1 if self._r_object_mode else _js_length(rest)
        self._r_ended = True
        if self._r_sync:
            self._emit_readable()
        else:
            self._r_need_readable = False
            self._r_emitted_readable = True
            self._emit_readable_()

    def _emit_readable(self) -> None:
        if _DEBUG:
            _debug("emitReadable")
        self._r_need_readable = False
        if not self._r_emitted_readable:
            if _DEBUG:
                _debug("emitReadable", self._r_flowing is True)
            self._r_emitted_readable = True
            self._loop.next_tick(self._emit_readable_)

    def _emit_readable_(self, read_more: bool = False) -> None:
        """Node's ``emitReadable_`` tick; with ``read_more``, ``emitReadable_`` then
        ``maybeReadMore_``: the two ticks ``push()`` queues for a chunk a paused
        stream buffers, run as one tick."""
        # Discussion: the two were queued one right after the other, so nothing
        # can run between them: a tick queued by a 'readable' listener comes
        # after both either way.  If a listener raises, maybeReadMore_ goes back
        # to the head of the queue: it runs after the uncaught-exception report,
        # before any other tick, as it would have.  (One method, not one calling
        # the other: a frame less per chunk of an ``async for``.)
        if _DEBUG:
            _debug("emitReadable_")
        try:
            if not self._destroyed and not self._errored and (self._r_length or self._r_ended):
                # Discussion: emit('readable') inline (as net.Socket's 'data') when
                # emit is EventEmitter's own and there is no captureRejections: the
                # same listeners in the same order, each called with no argument.
                if (type(self).emit is _PLAIN_EMIT and not self._pynet_capture
                        and "emit" not in self.__dict__):
                    # One listener is stored as itself, several as a tuple
                    # (events.py); a listener refusing the argument count is
                    # called again fitted, by EventEmitter._pynet_misfit.
                    listeners = self._pynet_events.get("readable")
                    if listeners is None:
                        pass
                    elif type(listeners) is not tuple:  # One listener (an ``async for``'s).
                        try:
                            result = listeners()
                        except TypeError:
                            fitted = self._pynet_misfit("readable", listeners, ())
                            if fitted is None:
                                raise
                            result = listeners(*fitted)
                        if result is not None and result.__class__ is _CoroutineType:
                            settle(result)  # An async listener: start its coroutine.
                    else:  # The same, for each of several.
                        for listener in listeners:
                            try:
                                result = listener()
                            except TypeError:
                                fitted = self._pynet_misfit("readable", listener, ())
                                if fitted is None:
                                    raise
                                result = listener(*fitted)
                            if result is not None and result.__class__ is _CoroutineType:
                                settle(result)
                else:
                    self.emit("readable")
                self._r_emitted_readable = False
            self._r_need_readable = (not self._r_flowing and not self._r_ended
                                     and self._r_length <= self._r_hwm)
            if self._r_flowing or _DEBUG:  # _flow's loop test, saving a call when paused.
                self._flow()
        except BaseException:
            if read_more:
                self._loop.next_tick_first(self._maybe_read_more_)
            raise
        if read_more:
            self._maybe_read_more_()

    def _maybe_read_more(self) -> None:
        if not self._r_reading_more and self._constructed:
            self._r_reading_more = True
            self._loop.next_tick(self._maybe_read_more_)

    def _maybe_read_more_(self) -> None:
        while (not self._r_reading and not self._r_ended
               and (self._r_length < self._r_hwm or (self._r_flowing and self._r_length == 0))):
            before = self._r_length
            if _DEBUG:
                _debug("maybeReadMore read 0")
            self.read(0)
            if before == self._r_length:
                break
        self._r_reading_more = False

    # ===================================================================== read

    def _how_much_to_read(self, n: int | None) -> int:
        if (n is not None and n <= 0) or (self._r_length == 0 and self._r_ended):
            return 0
        if self._r_object_mode:
            return 1
        if n is None:
            if self._r_flowing and self._r_length and self._r_buffer:
                return _js_length(self._r_buffer[0])
            return self._r_length
        if n <= self._r_length:
            return n
        return self._r_length if self._r_ended else 0

    def read(self, n: int | None = None) -> Any:
        """Node's ``readable.read([size])``: a chunk from the buffer, or ``None``."""
        if self._r_read_hook is not None:
            self._r_read_hook()
        if n is None and self._r_reading and not self._r_ended and not _DEBUG:
            # Discussion: the reads of a paused stream while its _read is still
            # in flight (every read() of an ``async for`` over a socket: the chunk,
            # then the one that finds the buffer empty).  Node's steps below
            # reduce to these when no _read can be called (``reading``) and the
            # stream has not ended: the same state changes, the same 'data'.
            self._r_emitted_readable = False
            length = self._r_length
            if length == 0:
                self._r_need_readable = True
                return None
            if not self._r_flowing and not self._r_object_mode:
                buf = self._r_buffer
                if self._r_decoder is None and buf is not None and len(buf) == 1:
                    ret = buf.popleft()  # _from_list(length)'s case for one buffer.
                else:
                    ret = self._from_list(length)  # Everything there is.
                self._r_length = 0
                if self._r_await_drain:
                    self._r_await_drain.clear()
                self._r_need_readable = True
                if not self._error_emitted and not self._close_emitted:
                    self._r_data_emitted = True
                    # Discussion: a 'data' event with no listener does nothing
                    # when emit is EventEmitter's own (the async iterator's reads
                    # are listenerless); an overridden emit still sees it.
                    if ("data" in self._pynet_events or type(self).emit is not _PLAIN_EMIT
                            or "emit" in self.__dict__):
                        self.emit("data", ret)
                return ret
        elif n == 0 and type(n) is int and not _DEBUG:
            return self._read_0()
        if _DEBUG:
            _debug("read", n)
        if n is not None and type(n) is not int:
            # Node: ``if (!NumberIsInteger(n)) n = NumberParseInt(n, 10)``.
            if type(n) is float and n.is_integer():
                if n > _MAX_HWM:
                    raise out_of_range("size", "<= 1GiB", n)
                n = int(n)
            else:
                n = _parse_int(n)
        n_orig = n
        if n is not None and n > self._r_hwm:
            if n > _MAX_HWM:
                raise out_of_range("size", "<= 1GiB", n)
            self._r_hwm = 1 << (max(n, 1) - 1).bit_length()
        if n != 0:
            self._r_emitted_readable = False
        if n == 0 and self._r_need_readable and (
                (self._r_length >= self._r_hwm if self._r_hwm else self._r_length > 0)
                or self._r_ended):
            if _DEBUG:
                _debug("read: emitReadable")
            if self._r_length == 0 and self._r_ended:
                self._end_readable()
            else:
                self._emit_readable()
            return None
        # Discussion: read() with no size on a byte stream (every read of a
        # flowing stream) is _how_much_to_read inlined: about 10% of an
        # in-memory pipeline's time went to the two calls per chunk.
        if n is None and not self._r_object_mode:
            buf = self._r_buffer
            if self._r_flowing and self._r_length and buf:
                first = buf[0]
                count = len(first) if type(first) is bytes else _js_length(first)
            else:
                count = self._r_length
        else:
            count = self._how_much_to_read(n)
        if count == 0 and self._r_ended:
            if self._r_length == 0:
                self._end_readable()
            return None
        do_read = self._r_need_readable
        if _DEBUG:
            _debug("need readable", do_read)
        if self._r_length == 0 or self._r_length - count < self._r_hwm:
            do_read = True
            if _DEBUG:
                _debug("length less than watermark", do_read)
        if (self._r_ended or self._r_reading or self._destroyed or self._errored
                or not self._constructed):
            do_read = False
            if _DEBUG:
                _debug("reading, ended or constructing", do_read)
        elif do_read:
            if _DEBUG:
                _debug("do read")
            self._r_reading = True
            self._r_sync = True
            if self._r_length == 0:
                self._r_need_readable = True
            try:
                # Discussion: settle() only matters for a coroutine; testing for
                # None here saves a call per chunk on the hot path (also below,
                # and in Writable and Transform).
                result = self._read(self._r_hwm)  # type: ignore[func-returns-value]
                if result is not None:
                    settle(result)
            except Exception as exc:
                self._error_or_destroy(exc)
            self._r_sync = False
            if not self._r_reading:
                if n_orig is None and not self._r_object_mode:  # As above.
                    buf = self._r_buffer
                    if self._r_flowing and self._r_length and buf:
                        first = buf[0]
                        count = len(first) if type(first) is bytes else _js_length(first)
                    else:
                        count = self._r_length
                else:
                    count = self._how_much_to_read(n_orig)
        buf = self._r_buffer
        if count <= 0:
            ret = None
        elif (buf and type(first := buf[0]) is bytes and count == len(first)
              and self._r_decoder is None):
            ret = buf.popleft()  # _from_list's whole-first-chunk case (flowing), inlined.
        else:
            ret = self._from_list(count)
        if ret is None:
            self._r_need_readable = self._r_length <= self._r_hwm
            count = 0
        else:
            self._r_length -= count
            if self._r_await_drain:
                self._r_await_drain.clear()
        if self._r_length == 0:
            if not self._r_ended:
                self._r_need_readable = True
            if n_orig != count and self._r_ended:
                self._end_readable()
        if ret is not None and not self._error_emitted and not self._close_emitted:
            self._r_data_emitted = True
            self.emit("data", ret)
        return ret

    def _read_0(self) -> None:
        """``read(0)`` (``maybeReadMore``'s, once per chunk): :meth:`read`'s steps
        for ``n == 0``, which never takes anything off the buffer."""
        length = self._r_length
        hwm = self._r_hwm
        if self._r_need_readable and ((length >= hwm if hwm else length > 0)
                                      or self._r_ended):
            if length == 0 and self._r_ended:
                self._end_readable()
            else:
                self._emit_readable()
            return None
        if self._r_ended:
            if length == 0:
                self._end_readable()
            return None
        if (not (self._r_reading or self._destroyed or self._errored or not self._constructed)
                and (self._r_need_readable or length == 0 or length < hwm)):
            self._r_reading = True
            self._r_sync = True
            if length == 0:
                self._r_need_readable = True
            try:
                result = self._read(hwm)  # type: ignore[func-returns-value]
                if result is not None:
                    settle(result)
            except Exception as exc:
                self._error_or_destroy(exc)
            self._r_sync = False
        self._r_need_readable = self._r_length <= self._r_hwm  # (0 <= hwm when empty)
        return None

    def _from_list(self, n: int) -> Any:
        """Node's ``fromList``: take ``n`` units (see :func:`_js_length`) off the buffer."""
        buf = self._r_buffer
        if not buf:
            return None
        if self._r_object_mode:
            return buf.popleft()
        strings = self._r_decoder is not None
        if n >= self._r_length:  # Read it all.
            if strings:
                ret: Any = _js_join([_js_text(c) for c in buf])
            elif len(buf) == 1:
                ret = buf[0]
            else:
                ret = b"".join(buf)
            buf.clear()
            return ret
        first = buf[0]
        size = len(first) if type(first) is bytes else _js_length(first)
        if n == size:
            return buf.popleft()
        if n < size:  # BufferList.consume: a slice of the first chunk, of its own type.
            ret, buf[0] = _js_split(first, n)
            return ret
        parts = []
        need = n
        while need and buf:
            item = buf[0]
            size = _js_length(item)
            if size <= need:
                parts.append(buf.popleft())
                need -= size
            else:
                head, buf[0] = _js_split(item, need)
                parts.append(head)
                need = 0
        if strings:
            return _js_join([_js_text(c) for c in parts])
        return b"".join(parts)

    def _end_readable(self) -> None:
        if _DEBUG:
            _debug("endReadable")
        if not self._r_end_emitted:
            self._r_ended = True
            self._loop.next_tick(self._end_readable_nt)

    def _end_readable_nt(self) -> None:
        if _DEBUG:
            _debug("endReadableNT")
        if (not self._errored and not self._close_emitted and not self._r_end_emitted
                and self._r_length == 0):
            self._r_end_emitted = True
            self.emit("end")
            if self._has_w and self.writable and self.allowHalfOpen is False:  # type: ignore
                self._loop.next_tick(self._end_writable_nt)
            elif self._auto_destroy:
                # A Duplex destroys itself only once its writable side is done too.
                if not self._has_w or self._w_finished or self._w_writable_flag is False:
                    self.destroy()

    def _end_writable_nt(self) -> None:
        if self.writable and not self._w_ending and not self._destroyed:  # type: ignore
            self.end()  # type: ignore[attr-defined]

    # ==================================================================== modes

    def setEncoding(self, encoding: str | None = None) -> Readable:
        """Decode ``'data'`` to ``str`` with ``encoding``, never splitting a character."""
        name = normalize_encoding(encoding if encoding is not None else "utf8")
        if name is None:
            raise errors.ERR_UNKNOWN_ENCODING(format_s(encoding))
        decoder = StringDecoder(name)
        self._r_decoder = decoder
        self._r_encoding = name
        if self._r_buffer:
            text = "".join(decoder.write(bytes(c)) if not isinstance(c, str) else c
                           for c in self._r_buffer)
            self._r_buffer.clear()
            if text:
                self._r_buffer.append(text)
            self._r_length = _js_length(text)
        return self

    def pause(self) -> Readable:
        """Stops emitting ``'data'`` events (switches out of flowing mode); data stays
        in the internal buffer.
        """
        if _DEBUG:
            _debug("call pause")
        if self._r_flowing is not False:
            if _DEBUG:
                _debug("pause")
            self._r_flowing = False
            self.emit("pause")
        self._r_paused = True
        return self

    def resume(self) -> Readable:
        """Switches to flowing mode: ``'data'`` events resume (from the next tick, after
        ``'resume'``).
        """
        if not self._r_flowing:
            if _DEBUG:
                _debug("resume")
            self._r_flowing = not self._r_readable_listening
            if not self._r_resume_scheduled:
                self._r_resume_scheduled = True
                self._loop.next_tick(self._resume_)
        self._r_paused = False
        return self

    def _resume_(self) -> None:
        if _DEBUG:
            _debug("resume", bool(self._r_reading))
        if not self._r_reading:
            self.read(0)
        self._r_resume_scheduled = False
        self.emit("resume")
        self._flow()
        if self._r_flowing and not self._r_reading:
            self.read(0)

    def _flow(self) -> None:
        if _DEBUG:
            _debug("flow")
        while self._r_flowing and self.read() is not None:
            pass

    def isPaused(self) -> bool:
        """The current operating state: ``True`` after ``pause()`` (Node's ``isPaused``)."""
        return bool(self._r_paused) or self._r_flowing is False

    def __aiter__(self) -> ReadableAsyncIterator:
        """``async for chunk in stream`` (Node's ``readable[Symbol.asyncIterator]``)."""
        return ReadableAsyncIterator(self)

    def iterator(self, options: Any = None, **kwargs: Any) -> ReadableAsyncIterator:
        """Node's ``readable.iterator({destroyOnReturn})``."""
        options = {**spread(options), **kwargs}
        return ReadableAsyncIterator(self, options.get("destroyOnReturn", True) is not False)

    def wrap(self, stream: Any) -> Readable:
        """Node's ``readable.wrap(stream)``: read an old-style stream (one that
        only emits ``'data'``/``'end'``) through this Readable; returns it."""
        from pynet._streams.wrap import wrap
        return wrap(self, stream)  # type: ignore[no-any-return]

    def pipe(self, dest: Any, options: dict[str, Any] | None = None, **kwargs: Any) -> Any:
        """Node's ``readable.pipe(dest[, {end}])``, with backpressure."""
        if not callable(getattr(dest, "on", None)):
            # Node reads dest.on first and fails with a TypeError; say which argument it was.
            raise invalid_arg_type("destination", "stream.Writable", dest)
        if options is None and not kwargs:
            return _pipe(self, dest, True, None)
        opts = {**spread(options), **kwargs}
        return _pipe(self, dest, opts.get("end", True) is not False,
                    opts if options is not None or kwargs else None)

    @staticmethod
    def from_(iterable: Any, options: dict[str, Any] | None = None, **kwargs: Any) -> Readable:
        """Node's ``Readable.from(iterable[, options])`` (``from`` is a Python keyword)."""
        from pynet._streams.from_ import from_
        result: Readable = from_(Readable, iterable, options, **kwargs)
        return result

    def unpipe(self, dest: Any = None) -> Readable:
        """Detaches a destination previously attached with :meth:`pipe` (all of them when
        ``dest`` is ``None``).
        """
        from pynet._streams.pipe import unpipe
        unpipe(self, dest)
        return self


def _parse_int(n: Any) -> int | None:
    """JavaScript's ``parseInt(n, 10)`` for the odd ``read(n)`` argument (NaN is None).

    Node's ``read`` runs it on any ``n`` that is not an integer: the value goes
    through ``String()`` first, so ``1.5`` reads 1, ``Infinity`` is NaN (read
    everything), ``1e21`` is ``'1e+21'`` and reads 1, ``'3'`` reads 3.
    """
    text = js_trim(to_string(n))
    match = _INT_PREFIX.match(text)
    if match is None:
        return None
    return int(match.group(0))


def _js_length(chunk: Any) -> int:
    """A chunk's ``length`` in Node: bytes of a Buffer, UTF-16 code units of a string."""
    if type(chunk) is str:
        if chunk.isascii() or max(chunk) <= "\uffff":
            return len(chunk)
        return len(chunk.encode("utf-16-le", "surrogatepass")) >> 1
    if type(chunk) is memoryview:
        return chunk.nbytes
    return len(chunk)


def _js_split(chunk: Any, n: int) -> tuple[Any, Any]:
    """``(chunk.slice(0, n), chunk.slice(n))`` in Node's units (see :func:`_js_length`)."""
    if type(chunk) is not str or chunk.isascii() or max(chunk) <= "\uffff":
        return chunk[:n], chunk[n:]
    # Discussion: a JS string can be cut inside a surrogate pair; Python keeps
    # each half as a lone surrogate, and _js_join pairs them up again.
    units = chunk.encode("utf-16-le", "surrogatepass")
    return (units[:2 * n].decode("utf-16-le", "surrogatepass"),
            units[2 * n:].decode("utf-16-le", "surrogatepass"))


def _js_text(chunk: Any) -> str:
    """A buffered chunk as a string: a Buffer among strings (one unshifted into a
    decoded stream) reads as ``Buffer.toString()`` — UTF-8 — as JS's ``+=`` does."""
    return chunk if type(chunk) is str else bytes(chunk).decode("utf-8", "replace")


def _js_join(parts: list[str]) -> str:
    """Concatenate strings as JS does: two halves of a surrogate pair make one character."""
    text = "".join(parts)
    if len(parts) > 1 and not text.isascii() and _LONE_SURROGATE.search(text):
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
    return text


def _to_string(data: bytes, encoding: str) -> str:
    """Node's ``buffer.toString(encoding)``: all of ``data``, nothing held back."""
    decoder = StringDecoder(encoding)
    return decoder.write(data) + decoder.end()
