"""Node's ``stream.Writable`` state machine (``lib/internal/streams/writable.js``, v20).

Theory of operation
-------------------
``write()`` hands a chunk to ``_write`` unless one is already in flight (or
the stream is corked, errored or still constructing), in which case it is
buffered; buffered chunks are flushed together through ``_writev`` when the
class has one, else one by one.  ``write()`` returns ``writableLength <
writableHighWaterMark`` (computed after the attempt, as in Node 20, so a
chunk taken at once returns True whatever its size).  ``'drain'`` fires when
a write returned False and the buffer is empty again.  ``end()`` →
``_final`` (if the class has one) → ``'prefinish'`` → ``'finish'`` on a
later tick → ``destroy()`` with ``autoDestroy``.

Chunks: with ``decodeStrings`` (the default) a ``str`` is encoded and
``_write`` gets ``bytes`` with encoding ``'buffer'``; without, it gets the
``str`` and its encoding, and the string counts by its JavaScript length.  In
object mode any object but ``None`` goes through as it is and counts 1.

Discussion: flow control here is Node's single threshold plus ``'drain'``,
not asyncio's pair of high/low water marks with pause/resume callbacks.

Invariants
----------
* ``_w_length`` is the length handed to ``write`` and not yet completed;
  ``_w_pendingcb`` counts write callbacks (and the final one) not yet run;
  'finish' cannot happen while either is non-zero.
* Buffered entries are ``(chunk, encoding, callback, length)`` tuples.
* ``'error'`` is emitted at most once; callbacks run once each.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from pynet import errors
from pynet._core.calls import settle
from pynet._js.encoding import encode, normalize_encoding
from pynet._js.inspect import format_s
from pynet._js.nodeobject import NodeObject
from pynet._js.validators import invalid_arg_type
from pynet._js.value import truthy
from pynet._streams import destroy as _destroy_impl
from pynet._streams.legacy import Stream, shared_int
from pynet._streams.utils import (
    get_high_water_mark,
    js_length,
    merge_options,
    nop,
    option_function,
    tolerant,
)

__all__ = ["Writable"]

WriteCb = Callable[..., Any]
_nop = nop


def _chunk_error(chunk: Any) -> Exception:
    return invalid_arg_type("chunk", ["string", "Buffer", "TypedArray", "DataView"], chunk)


def _callback(cb: Any) -> WriteCb:
    """Node's ``if (typeof cb !== 'function') cb = nop``, arity-tolerant (mapping §5)."""
    if cb is None or not callable(cb):
        return _nop
    return tolerant(cb, 1)


class Writable(Stream):
    """Node's ``stream.Writable``."""

    __slots__ = ()
    _event_order: ClassVar[tuple[str, ...]] = ("close", "error", "prefinish", "finish", "drain")
    _has_w = True

    def __init__(self, options: dict[str, Any] | None = None, **kwargs: Any) -> None:
        opts = merge_options(options, kwargs)
        Stream.__init__(self)
        self._init_shared(opts)
        self._init_writable(opts, False)
        self._take_writable_options(opts)
        if opts.get("signal") is not None:
            from pynet._streams.add_abort_signal import add_abort_signal
            add_abort_signal(opts["signal"], self)
        if self._construct is not None:
            _destroy_impl.construct(self, self._on_constructed)

    #: Node's ``_construct``: None unless a subclass or the options give one.
    _construct: Callable[..., Any] | None = None

    def _take_writable_options(self, opts: dict[str, Any]) -> None:
        for key, nargs in (("write", 3), ("writev", 2), ("destroy", 2), ("final", 1),
                           ("construct", 1)):
            fn = option_function(opts, key, nargs)
            if fn is not None:
                setattr(self, "_" + key, fn)

    def _init_writable(self, opts: dict[str, Any], is_duplex: bool) -> None:
        """Node's ``WritableState`` constructor."""
        object_mode = bool(opts.get("objectMode")) or (
            is_duplex and bool(opts.get("writableObjectMode")))
        self._w_object_mode = object_mode
        self._w_hwm = shared_int(get_high_water_mark(opts, "writableHighWaterMark", is_duplex,
                                                          object_mode))
        self._w_decode_strings = opts.get("decodeStrings") is not False
        default_encoding = opts.get("defaultEncoding")
        if default_encoding is not None:  # (else "utf8", the RareField's default)
            name = normalize_encoding(default_encoding)
            if name is None:
                raise errors.ERR_UNKNOWN_ENCODING(format_s(default_encoding))
            self._w_default_encoding = name
        self._w_writable_flag = True
        self._w_length = 0
        self._w_writing = False
        self._w_corked = 0
        self._w_sync = True
        # (chunk, encoding, cb, length) entries; () until the first buffered write (memory).
        self._w_buffered: list[tuple[Any, str, WriteCb, int]] | tuple[()] = ()
        self._w_writelen = 0
        self._w_writecb: WriteCb | None = None
        self._w_need_drain = False
        self._w_ending = False
        self._w_ended = False
        self._w_finished = False
        self._w_pendingcb = 0
        self._w_after_tick: list[Any] | None = None  # [count, cb]
        self._w_onwrite: Callable[..., None] | None = None  # _onwrite, bound on first write

    def _on_constructed(self) -> None:
        if not self._w_writing:
            self._clear_buffer()
        if self._w_ending:
            self._finish_maybe(False)

    # ===================================================================== hooks

    def _write(self, chunk: Any, encoding: str, cb: WriteCb) -> None:
        if self._writev is not None:
            settle(self._writev([NodeObject(chunk=chunk, encoding=encoding)], cb))
        else:
            raise errors.ERR_METHOD_NOT_IMPLEMENTED("_write()")

    #: Node's ``_writev`` and ``_final``: None unless a subclass or the options give one.
    _writev: Callable[..., Any] | None = None
    _final: Callable[..., Any] | None = None

    def destroy(self, error: BaseException | None = None,
                cb: Callable[..., Any] | None = None) -> Writable:
        """Destroy the stream; ``'error'`` (if ``error``) then ``'close'`` follow."""
        if not self._destroyed and (self._w_buffered or self._w_on_finished):
            # Buffered writes and end() callbacks fail with ERR_STREAM_DESTROYED next tick.
            self._loop.next_tick(self._error_buffer)
        _destroy_impl.destroy(self, error, cb)
        return self

    def pipe(self, *args: Any, **kwargs: Any) -> None:
        """A Writable cannot be piped from: Node's ``ERR_STREAM_CANNOT_PIPE``."""
        self._error_or_destroy(errors.ERR_STREAM_CANNOT_PIPE())

    # =============================================================== properties

    @property
    def writable(self) -> bool:
        """``True`` if it is safe to call ``write()``: the stream has not been destroyed,
        errored, or ended.
        """
        return (self._w_writable_flag and not self._destroyed and not self._errored
                and not self._w_ending and not self._w_ended)

    @writable.setter
    def writable(self, value: bool) -> None:
        self._w_writable_flag = bool(value)

    @property
    def writableLength(self) -> int:
        """The number of bytes in the queue ready to be written."""
        return self._w_length

    @property
    def writableHighWaterMark(self) -> int:
        """The ``highWaterMark`` passed when creating this stream (16384 by default, as in
        Node 20).
        """
        return self._w_hwm

    @property
    def writableNeedDrain(self) -> bool:
        """``True`` if the buffer has been full and the stream will emit ``'drain'``."""
        return (not self._destroyed and not self._w_ending and self._w_need_drain)

    @property
    def writableEnded(self) -> bool:
        """``True`` after ``end()`` has been called (the data may not be flushed yet: see
        :attr:`writableFinished`).
        """
        return self._w_ending

    @property
    def writableFinished(self) -> bool:
        """Set to ``True`` immediately before ``'finish'`` is emitted."""
        return self._w_finished

    @property
    def writableCorked(self) -> int:
        """The number of times ``uncork()`` must be called to fully uncork the stream."""
        return self._w_corked

    @property
    def writableObjectMode(self) -> bool:
        """Node's ``objectMode`` of the writable side: always ``False`` (object mode is
        not ported).
        """
        return self._w_object_mode

    @property
    def writableBuffer(self) -> list[Any]:
        """The buffered writes, as Node's ``{chunk, encoding, callback}`` objects (a copy)."""
        return [NodeObject(chunk=chunk, encoding=encoding, callback=callback)
                for chunk, encoding, callback, _ in self._w_buffered]

    @property
    def writableAborted(self) -> bool:
        """Whether the stream was destroyed or errored before emitting ``'finish'``."""
        return bool(self._w_writable_flag and (self._destroyed or self._errored)
                    and not self._w_finished)

    def setDefaultEncoding(self, encoding: str) -> Writable:
        """Sets the default encoding of ``write()`` for strings
        (``ERR_UNKNOWN_ENCODING`` for a name Node does not know).
        """
        name = normalize_encoding(encoding.lower() if isinstance(encoding, str) else encoding)
        if name is None:
            raise errors.ERR_UNKNOWN_ENCODING(format_s(encoding))
        self._w_default_encoding = name
        return self

    # ==================================================================== write

    def write(self, chunk: Any, encoding: Any = None, cb: Any = None) -> bool:
        """Write ``chunk``; False once ``writableLength`` reaches the high water mark."""
        if encoding is not None and callable(encoding):
            cb, encoding = encoding, None
        if type(chunk) is bytes and encoding is None and not self._w_object_mode:
            cb = _nop if cb is None else _callback(cb)
            if (self._w_writing or self._w_ending or self._destroyed or self._w_corked
                    or self._errored or not self._constructed):
                return self._write_checked(chunk, "buffer", cb, len(chunk)) is True
            # Discussion: _write_checked's path for a stream with no write in
            # flight, inlined (a call less per chunk; each hop of a pipeline
            # writes once per chunk).  Keep the two in step.
            size = len(chunk)
            self._w_pendingcb += 1
            self._w_length += size
            self._w_writelen = size
            self._w_writecb = cb
            self._w_writing = True
            self._w_sync = True
            result = self._write(chunk, "buffer", self._w_onwrite or self._bind_onwrite())  # type: ignore[func-returns-value]
            if result is not None:
                settle(result)
            self._w_sync = False
            if self._w_length < self._w_hwm or self._w_length == 0:
                return not self._errored and not self._destroyed
            self._w_need_drain = True
            return False
        return self._write_chunk(chunk, encoding, _callback(cb)) is True

    def _write_chunk(self, chunk: Any, encoding: Any, cb: WriteCb) -> bool | Exception:
        """Node's module-level ``_write``: validate and convert, then ``writeOrBuffer``."""
        if chunk is None:
            raise errors.ERR_STREAM_NULL_VALUES()
        if self._w_object_mode:
            return self._write_checked(chunk, encoding, cb, 1)
        if encoding is None or not truthy(encoding):  # JavaScript's !encoding
            encoding = self._w_default_encoding
        elif encoding != "buffer":
            name = normalize_encoding(encoding)
            if name is None:
                raise errors.ERR_UNKNOWN_ENCODING(format_s(encoding))
            encoding = name
        if isinstance(chunk, str):
            if self._w_decode_strings:
                # Buffer.from(string, 'buffer') decodes as utf8; without
                # decodeStrings the string keeps 'buffer' as its encoding.
                data = encode(chunk, "utf8" if encoding == "buffer" else encoding)
                return self._write_checked(data, "buffer", cb, len(data))
            return self._write_string(chunk, encoding, cb)
        if isinstance(chunk, (bytes, bytearray)):
            return self._write_checked(chunk, "buffer", cb, len(chunk))
        if isinstance(chunk, memoryview):
            if chunk.format != "B" or chunk.ndim != 1:
                chunk = chunk.cast("B")
            return self._write_checked(chunk, "buffer", cb, len(chunk))
        raise _chunk_error(chunk)

    def _write_string(self, chunk: str, encoding: str, cb: WriteCb) -> bool | Exception:
        """A string written with ``decodeStrings`` False: it reaches ``_write`` as it is,
        counted by its JavaScript length."""
        return self._write_checked(chunk, encoding, cb, js_length(chunk))

    def _write_checked(self, data: Any, encoding: str, cb: WriteCb, size: int
                       ) -> bool | Exception:
        if self._w_ending or self._destroyed:
            err = (errors.ERR_STREAM_WRITE_AFTER_END() if self._w_ending
                   else errors.ERR_STREAM_DESTROYED("write"))
            self._loop.next_tick(cb, err)
            self._error_or_destroy(err, True)
            return err
        self._w_pendingcb += 1
        self._w_length += size
        if self._w_writing or self._w_corked or self._errored or not self._constructed:
            if self._w_buffered:
                self._w_buffered.append((data, encoding, cb, size))
            else:
                self._w_buffered = [(data, encoding, cb, size)]
        else:
            self._w_writelen = size
            self._w_writecb = cb
            self._w_writing = True
            self._w_sync = True
            result = self._write(data, encoding, self._w_onwrite or self._bind_onwrite())  # type: ignore[func-returns-value]
            if result is not None:
                settle(result)
            self._w_sync = False
        ret = self._w_length < self._w_hwm or self._w_length == 0
        if not ret:
            self._w_need_drain = True
        return ret and not self._errored and not self._destroyed

    def _bind_onwrite(self) -> Callable[..., None]:
        # Bound once per stream (it is passed on every write), but only when
        # the stream first writes: idle connections should stay small.
        self._w_onwrite = self._onwrite
        return self._onwrite

    def _onwrite(self, er: BaseException | None = None, *_: Any) -> None:
        sync = self._w_sync
        cb = self._w_writecb
        if cb is None:
            self._error_or_destroy(errors.ERR_MULTIPLE_CALLBACK())
            return
        self._w_writing = False
        self._w_writecb = None
        self._w_length -= self._w_writelen
        self._w_writelen = 0
        if er is not None:
            if self._errored is None:
                self._errored = er
            if sync:
                self._loop.next_tick(self._onwrite_error, er, cb)
            else:
                self._onwrite_error(er, cb)
            return
        if self._w_buffered:
            self._clear_buffer()
        if sync:
            if cb is _nop and not self._w_need_drain and not self._w_ending:
                # Discussion: Node defers afterWrite to a tick even for writes
                # without a callback; with no callback, no 'drain' owed and no
                # end() pending, all it would do is count the write done, which
                # is unobservable, so the hot path does it here.
                self._w_pendingcb -= 1
                return
            info = self._w_after_tick
            if info is not None and info[1] is cb:
                info[0] += 1
            else:
                info = self._w_after_tick = [1, cb]
                self._loop.next_tick(self._after_write_tick, info)
        else:
            self._after_write(1, cb)

    def _after_write_tick(self, info: list[Any]) -> None:
        if self._w_after_tick is info:
            self._w_after_tick = None
        self._after_write(info[0], info[1])

    def _after_write(self, count: int, cb: WriteCb) -> None:
        if (self._w_need_drain and not self._w_ending and not self._destroyed
                and self._w_length == 0):
            self._w_need_drain = False
            self.emit("drain")
        while count > 0:
            count -= 1
            self._w_pendingcb -= 1
            cb(None)
        if self._destroyed:
            self._error_buffer()
        if self._w_ending:
            self._finish_maybe(False)

    def _onwrite_error(self, er: BaseException, cb: WriteCb) -> None:
        self._w_pendingcb -= 1
        cb(er)
        self._error_buffer()
        self._error_or_destroy(er)

    def _error_buffer(self) -> None:
        if self._w_writing:
            return
        buffered, self._w_buffered = self._w_buffered, ()
        for _chunk, _encoding, callback, size in buffered:
            self._w_length -= size
            callback(self._errored or errors.ERR_STREAM_DESTROYED("write"))
        callbacks, self._w_on_finished = self._w_on_finished, ()
        for callback in callbacks:
            callback(self._errored or errors.ERR_STREAM_DESTROYED("end"))

    def _clear_buffer(self) -> None:
        if (self._w_corked or self._destroyed or not self._constructed
                or self._w_buffer_processing):
            return
        buffered = self._w_buffered
        if not isinstance(buffered, list) or not buffered:
            return
        if len(buffered) > 1 and self._writev is not None:
            items, self._w_buffered = buffered, ()
            self._w_pendingcb -= len(items) - 1
            callbacks = [c for _, _, c, _ in items]
            if all(c is _nop for c in callbacks):
                callback: WriteCb = _nop
            else:
                def callback(err: BaseException | None = None, *_: Any) -> None:
                    for c in callbacks:
                        c(err)

            self._do_writev(self._writev_chunks(items), callback, sum(n for *_, n in items))
        else:
            self._w_buffer_processing = True
            index = 0
            while index < len(buffered) and not self._w_writing:
                chunk, encoding, cb, size = buffered[index]
                index += 1
                self._w_writelen = size
                self._w_writecb = cb
                self._w_writing = True
                self._w_sync = True
                if self._destroyed:
                    self._onwrite(errors.ERR_STREAM_DESTROYED("write"))
                else:
                    settle(self._write(chunk, encoding, self._w_onwrite or self._bind_onwrite()))  # type: ignore[func-returns-value]
                self._w_sync = False
            self._w_buffer_processing = False
            if self._w_buffered is buffered:
                # Writes made meanwhile were appended to this same list.
                del buffered[:index]
                if not buffered:
                    self._w_buffered = ()

    def _writev_chunks(self, items: list[tuple[Any, str, WriteCb, int]]) -> list[Any]:
        """What ``_writev`` receives: Node's ``[{chunk, encoding}]`` objects."""
        return [NodeObject(chunk=chunk, encoding=encoding) for chunk, encoding, _, _ in items]

    def _do_writev(self, chunks: list[Any], cb: WriteCb, size: int) -> None:
        self._w_writelen = size
        self._w_writecb = cb
        self._w_writing = True
        self._w_sync = True
        assert self._writev is not None
        settle(self._writev(chunks, self._w_onwrite or self._bind_onwrite()))
        self._w_sync = False

    def cork(self) -> None:
        """Forces all written data to be buffered in memory until :meth:`uncork` (or
        ``end()``); the buffered chunks then go out in one ``writev``.
        """
        self._w_corked += 1

    def uncork(self) -> None:
        """Flushes all data buffered since :meth:`cork` was called (once every ``cork()``
        has been matched by an ``uncork()``).
        """
        if self._w_corked:
            self._w_corked -= 1
            if not self._w_writing:
                self._clear_buffer()

    # ====================================================================== end

    def end(self, chunk: Any = None, encoding: Any = None, cb: Any = None) -> Writable:
        """Finish writing (optionally with a last ``chunk``); ``cb`` runs at 'finish'."""
        if callable(chunk):
            cb, chunk, encoding = chunk, None, None
        elif callable(encoding):
            cb, encoding = encoding, None
        err: BaseException | None = None
        if chunk is not None:
            ret = self._write_chunk(chunk, encoding, _nop)
            if isinstance(ret, Exception):
                err = ret
        if self._w_corked:
            self._w_corked = 1
            self.uncork()
        if err is not None:
            pass
        elif not self._errored and not self._w_ending:
            self._w_ending = True
            self._finish_maybe(True)
            self._w_ended = True
        elif self._w_finished:
            err = errors.ERR_STREAM_ALREADY_FINISHED("end")
        elif self._destroyed:
            err = errors.ERR_STREAM_DESTROYED("end")
        if cb is not None and callable(cb):
            cb = tolerant(cb, 1)
            if err is not None:
                self._loop.next_tick(cb, err)
            elif self._errored is not None:
                self._loop.next_tick(cb, self._errored)
            elif self._w_finished:
                self._loop.next_tick(cb, None)
            else:
                if self._w_on_finished:
                    self._w_on_finished.append(cb)
                else:
                    self._w_on_finished = [cb]
        return self

    def _need_finish(self) -> bool:
        return (self._w_ending and not self._destroyed and self._constructed
                and self._w_length == 0 and self._errored is None and not self._w_buffered
                and not self._w_finished and not self._w_writing and not self._error_emitted
                and not self._close_emitted)

    def _finish_maybe(self, sync: bool) -> None:
        if not self._need_finish():
            return
        self._prefinish()
        if self._w_pendingcb == 0:
            if sync:
                self._w_pendingcb += 1
                self._loop.next_tick(self._finish_if_needed)
            elif self._need_finish():
                self._w_pendingcb += 1
                self._finish()

    def _finish_if_needed(self) -> None:
        if self._need_finish():
            self._finish()
        else:
            self._w_pendingcb -= 1

    def _prefinish(self) -> None:
        if self._w_prefinished or self._w_final_called:
            return
        if self._final is not None and not self._destroyed:
            self._w_final_called = True
            self._call_final()
        else:
            self._w_final_called = True
            self._w_prefinished = True
            self.emit("prefinish")

    def _call_final(self) -> None:
        def on_finish(err: BaseException | None = None, *_: Any) -> None:
            if self._w_prefinished:
                self._error_or_destroy(err or errors.ERR_MULTIPLE_CALLBACK())
                return
            self._w_pendingcb -= 1
            if err is not None:
                callbacks, self._w_on_finished = self._w_on_finished, ()
                for c in callbacks:
                    c(err)
                self._error_or_destroy(err, self._w_sync)
            elif self._need_finish():
                self._w_prefinished = True
                self.emit("prefinish")
                self._w_pendingcb += 1
                self._loop.next_tick(self._finish)

        self._w_sync = True
        self._w_pendingcb += 1
        assert self._final is not None
        try:
            # An ``async def _final`` (Node's tests have one): its coroutine runs as a
            # task, as Node runs an async function (no promise handling, as in Node 20).
            settle(self._final(on_finish))
        except Exception as exc:
            on_finish(exc)
        self._w_sync = False

    def _finish(self) -> None:
        self._w_pendingcb -= 1
        self._w_finished = True
        callbacks, self._w_on_finished = self._w_on_finished, ()
        for c in callbacks:
            c(None)
        self.emit("finish")
        if self._auto_destroy:
            # A Duplex destroys itself only once its readable side has ended too.
            if not self._has_r or self._r_end_emitted or self._r_readable_flag is False:
                self.destroy()
