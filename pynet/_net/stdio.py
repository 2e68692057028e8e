"""``process.stdin``, ``process.stdout`` and ``process.stderr``: Node's stdio streams
(``lib/internal/bootstrap/switches/is_main_thread.js``, ``lib/tty.js``,
``lib/internal/fs/sync_write_stream.js``, v20).

Theory of operation
-------------------
Each stream is made on first use, by the type of its descriptor, as Node's
``getStdout``/``getStdin`` and ``createWritableStdioStream`` do:

* a **pipe or socket** is a ``net.Socket`` on the descriptor
  (:class:`StdioSocket`): writes are asynchronous (tried at once, the rest
  queued while the reader is slow, with ``'drain'``), stdin reads as a
  socket does;
* a **TTY** is a ``tty.WriteStream`` (:class:`WriteStream`), a socket whose
  writes block until the terminal took them, so they are synchronous, with
  ``isTTY``, ``columns``/``rows`` (refreshed on ``SIGWINCH``, then
  ``'resize'``); or a ``tty.ReadStream`` (:class:`ReadStream`,
  ``readableHighWaterMark`` 0) for stdin;
* a **file** (or any other non-TTY device such as ``/dev/null``) is a
  :class:`SyncWriteStream` (``write(2)`` at once: synchronous) for output,
  and for stdin a :class:`FileReadStream`, Node's ``fs.ReadStream`` on fd 0:
  each ``_read`` is a ``read(2)`` on pynet's worker threads (libuv's pool),
  which keeps the loop alive while it runs;
* anything else is a black hole (output) or an empty stream (input).

Node's stdio rules on top: ``stdout``/``stderr`` never close their
descriptor (``_destroy`` is Node's ``dummyDestroy``: the stream is reset and
emits ``'close'``; ``destroySoon`` is ``destroy``), and ``pipe()`` never
ends them.  ``stdin`` starts paused and not reading: it keeps the loop alive
only once something reads it (``'data'``, ``resume()``, ``pipe()``,
``read()``), and a ``pause()`` stops the reads on the next tick (Node's
``onpause``), so a script that never reads stdin, or stops, can exit.

Python's own ``print()`` writes to the same descriptors through
``sys.stdout``'s buffer.  Each write to ``process.stdout`` (``stderr``)
first flushes ``sys.stdout`` (``sys.stderr``), so what was printed before
comes out before; with the synchronous file and TTY writes the order holds
both ways.  On a pipe a write the reader has not taken yet waits in pynet's
queue, and a later ``print()`` may overtake it.

Node reference: ``getStdout``, ``getStderr``, ``getStdin``,
``createWritableStdioStream``, ``dummyDestroy`` (is_main_thread.js);
``tty.ReadStream``/``tty.WriteStream``; ``SyncWriteStream``;
``fs.ReadStream``'s ``_read`` and ``_destroy``.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Callable
from typing import Any

from pynet import errors
from pynet._core.loop import get_loop
from pynet._core.threadpool import queue_work
from pynet._handles.fd import guess_handle_type
from pynet._handles.stdio import open_stdio, set_tty_raw, window_size
from pynet._net.socket import Socket
from pynet._streams.pipe import never_end
from pynet._streams.readable import Readable
from pynet._streams.writable import Writable

__all__ = ["FileReadStream", "ReadStream", "StdioSocket", "SyncWriteStream", "WriteStream",
           "create_stdin", "create_writable_stdio"]

_FILE_HIGH_WATER_MARK = 64 * 1024  # fs.ReadStream's default


def _flush_python(fd: int) -> None:
    """Flush the Python text stream on ``fd`` so what it printed goes first."""
    stream = sys.stdout if fd == 1 else sys.stderr if fd == 2 else None
    if stream is not None:
        try:
            stream.flush()
        except (OSError, ValueError):
            pass  # closed or broken: the write below reports what matters


class _StdioOutput:
    """What stdout and stderr share whatever their type (a mixin)."""

    def _stdio_destroy(self: Any, err: BaseException | None, cb: Callable[..., Any],
                       real: Callable[[BaseException | None, Callable[..., Any]], None]) -> None:
        """Node's ``dummyDestroy``: the descriptor stays open and the stream usable."""
        if not self._keep_open:
            real(err, cb)
            return
        cb(err)
        self._undestroy()
        if not self._emit_close:
            self._loop.next_tick(self.emit, "close")

    def destroySoon(self: Any) -> None:
        """Node's stdio ``destroySoon``: the same as ``destroy()``."""
        self.destroy()


class _StdinSocket(Socket):
    """A socket that may be stdin (a pipe or a TTY): Node's ``onpause``."""

    def _watch_pause(self) -> None:
        self.on("pause", lambda: self._loop.next_tick(self._stop_reading))

    def _maybe_read_more(self) -> None:
        # Socket skips this tick while its handle reads; stdin cannot: its
        # onpause may stop the reads before the tick runs, and Node's tick then
        # starts them again (a stdin paused inside 'data' keeps reading).
        super(Socket, self)._maybe_read_more()

    def _on_stream_read(self, data: bytes | None, err: Exception | None) -> None:
        super()._on_stream_read(data, err)
        if data is not None and not self._destroyed:
            self._maybe_read_more()  # after the fast path's 'data', as push() would

    def _stop_reading(self) -> None:
        """A paused stdin stops reading on the next tick, so the process can exit."""
        handle = self._handle
        if handle is not None and handle.reading and not self.readableFlowing:
            self._r_reading = False
            handle.read_stop()


class StdioSocket(_StdioOutput, _StdinSocket):
    """``process.stdout``/``stderr``/``stdin`` on a pipe or a socket: a ``net.Socket``.

    Attributes:
        fd: The descriptor, 0, 1 or 2 (Node's legacy ``fd`` property).
    """

    #: ``False``: not a terminal (Node leaves ``isTTY`` undefined; falsy either way).
    isTTY = False
    #: ``None``: no terminal width (Node's ``undefined``).
    columns: int | None = None
    #: ``None``: no terminal height (Node's ``undefined``).
    rows: int | None = None

    def __init__(self, fd: int, kind: str, output: bool, keep_open: bool = True) -> None:
        handle = open_stdio(get_loop(), fd, kind, output)
        if output:
            super().__init__(handle=handle, readable=False, writable=True)
        else:
            super().__init__(handle=handle, readable=True, writable=False, manualStart=True)
            self._w_ended = True  # Node: "Make sure the stdin can't be `.end()`-ed"
            self._watch_pause()
        self.fd = fd
        self._keep_open = output and keep_open
        self._isStdio = output

    def _write(self, chunk: Any, encoding: str, cb: Callable[..., Any]) -> None:
        _flush_python(self.fd)
        super()._write(chunk, encoding, cb)

    def _destroy(self, exception: BaseException | None, cb: Callable[..., Any]) -> None:
        self._stdio_destroy(exception, cb, super()._destroy)


class WriteStream(_StdioOutput, Socket):
    """Node's ``tty.WriteStream``: output to a terminal, written synchronously.

    Attributes:
        fd: The descriptor, 1 or 2.
        isTTY: Always ``True``.
        columns: The terminal's width in characters (``None`` if unknown).
        rows: The terminal's height in rows (``None`` if unknown).
    """

    def __init__(self, fd: int, keep_open: bool = True) -> None:
        handle = open_stdio(get_loop(), fd, "TTY", True)
        super().__init__(handle=handle, readableHighWaterMark=0, manualStart=True)
        self.fd = fd
        self._keep_open = keep_open
        self._isStdio = keep_open
        self.isTTY = True
        size = window_size(fd)
        self.columns: int | None = size[0] if size else None
        self.rows: int | None = size[1] if size else None
        if keep_open:
            from pynet import process
            process.on("SIGWINCH", self._refresh_size)

    def getWindowSize(self) -> list[int | None]:
        """``[columns, rows]``."""
        return [self.columns, self.rows]

    def _refresh_size(self) -> None:
        """Node's ``_refreshSize`` (on ``SIGWINCH``): ``'resize'`` when it changed."""
        size = window_size(self.fd)
        if size is None:
            self.emit("error", errors.errno_exception(errno.ENOTTY, "getWindowSize"))
            return
        if size != (self.columns, self.rows):
            self.columns, self.rows = size
            self.emit("resize")

    def _write(self, chunk: Any, encoding: str, cb: Callable[..., Any]) -> None:
        _flush_python(self.fd)
        super()._write(chunk, encoding, cb)

    def _destroy(self, exception: BaseException | None, cb: Callable[..., Any]) -> None:
        self._stdio_destroy(exception, cb, super()._destroy)


class ReadStream(_StdinSocket):
    """Node's ``tty.ReadStream``: ``process.stdin`` on a terminal.

    The terminal is in its line mode until :meth:`setRawMode` (``readline``'s
    terminal mode calls it); raw mode is undone at exit, as libuv's
    ``uv_tty_reset_mode`` does.

    Attributes:
        fd: The descriptor, 0.
        isTTY: Always ``True``.
        isRaw: Whether the terminal is in raw mode.
    """

    def __init__(self, fd: int) -> None:
        handle = open_stdio(get_loop(), fd, "TTY", False)
        super().__init__(handle=handle, readableHighWaterMark=0, manualStart=True)
        self._watch_pause()
        self.fd = fd
        self.isTTY = True
        self.isRaw = False

    def setRawMode(self, mode: Any) -> ReadStream:
        """``readStream.setRawMode(mode)``: raw mode (each key as typed, no echo,
        no signals from ctrl-C) or back to the line mode it started in.  A
        failure is emitted as ``'error'`` (``syscall 'setRawMode'``), as Node."""
        flag = bool(mode)
        try:
            set_tty_raw(self.fd, flag)
        except OSError as exc:
            self.emit("error", errors.errno_exception(exc.errno or errno.EIO, "setRawMode"))
            return self
        self.isRaw = flag
        return self


class SyncWriteStream(_StdioOutput, Writable):
    """Node's ``SyncWriteStream``: output to a file, each write a ``write(2)`` at once.

    Attributes:
        fd: The descriptor (``None`` once destroyed, unless it is stdio).
        autoClose: Whether destroying closes the descriptor (``False`` for stdio).
        readable: Always ``False``.
    """

    #: ``False``: not a terminal (Node leaves ``isTTY`` undefined; falsy either way).
    isTTY = False
    #: ``None``: no terminal width (Node's ``undefined``).
    columns: int | None = None
    #: ``None``: no terminal height (Node's ``undefined``).
    rows: int | None = None

    def __init__(self, fd: int, autoClose: bool = True, keep_open: bool = False) -> None:
        super().__init__({"autoDestroy": True})
        self.fd: int | None = fd
        self.readable = False
        self.autoClose = autoClose
        self._keep_open = keep_open
        self._isStdio = keep_open

    def _write(self, chunk: Any, encoding: str, cb: Callable[..., Any]) -> None:
        fd = self.fd
        if fd is None:
            cb(errors.errno_exception(errno.EBADF, "write"))
            return
        _flush_python(fd)
        view = memoryview(chunk)
        try:
            while view:
                try:
                    view = view[os.write(fd, view):]
                except BlockingIOError:
                    os.set_blocking(fd, True)  # left non-blocking by another program
        except OSError as exc:
            cb(errors.errno_exception(exc.errno or errno.EIO, "write"))
            return
        cb()

    def _destroy(self, err: BaseException | None, cb: Callable[..., Any]) -> None:
        self._stdio_destroy(err, cb, self._close_fd)

    def _close_fd(self, err: BaseException | None, cb: Callable[..., Any]) -> None:
        if self.fd is not None and self.autoClose:
            os.close(self.fd)
        self.fd = None
        cb(err)


class FileReadStream(Readable):
    """``fs.ReadStream`` on an open descriptor (``process.stdin`` from a file),
    reading on pynet's worker threads; the descriptor is never closed.

    Attributes:
        fd: The descriptor.
        bytesRead: The number of bytes read so far.
        path: Always ``None`` (Node's ``undefined``: opened from a descriptor).
    """

    #: ``False``: not a terminal (Node leaves ``isTTY`` undefined; falsy either way).
    isTTY = False

    def __init__(self, fd: int) -> None:
        super().__init__({"highWaterMark": _FILE_HIGH_WATER_MARK, "autoDestroy": False})
        self.fd = fd
        self.bytesRead = 0
        self.path: str | None = None
        self._reading_io = False  # Node's kIsPerformingIO
        self._io_done: Callable[[], None] | None = None

    @property
    def pending(self) -> bool:
        """``False``: the descriptor is open from the start."""
        return False

    def _read(self, n: int) -> None:
        fd = self.fd

        def work() -> bytes | OSError:
            try:
                return os.read(fd, n)
            except OSError as exc:
                return exc

        self._reading_io = True
        queue_work(self._loop, work, self._after_read, "fs")

    def _after_read(self, status: int, result: bytes | OSError) -> None:
        self._reading_io = False
        if self._destroyed:
            done, self._io_done = self._io_done, None
            if done is not None:
                done()
            return
        if isinstance(result, OSError):
            self._error_or_destroy(errors.errno_exception(result.errno or errno.EIO, "read"))
        elif result:
            self.bytesRead += len(result)
            self.push(result)
        else:
            self.push(None)

    def _destroy(self, err: BaseException | None, cb: Callable[..., Any]) -> None:
        # Node waits for the read in flight (kIoDone) before it lets go of the fd.
        if self._reading_io:
            self._io_done = lambda: cb(err)
        else:
            cb(err)


class _BlackHole(_StdioOutput, Writable):
    """Node's dummy output for a descriptor of no known type: writes vanish."""

    isTTY = False
    columns: int | None = None
    rows: int | None = None

    def __init__(self, fd: int) -> None:
        super().__init__()
        self.fd = fd
        self._keep_open = True
        self._isStdio = True

    def _write(self, chunk: Any, encoding: str, cb: Callable[..., Any]) -> None:
        cb()

    def _destroy(self, err: BaseException | None, cb: Callable[..., Any]) -> None:
        self._stdio_destroy(err, cb, super()._destroy)


class _EmptyStdin(Readable):
    """Node's dummy input for a descriptor of no known type: ended at once."""

    isTTY = False

    def __init__(self, fd: int) -> None:
        super().__init__()
        self.fd = fd
        self.push(None)

    def _read(self, n: int) -> None:
        pass


def create_writable_stdio(fd: int) -> Writable:
    """Node's ``createWritableStdioStream`` plus ``getStdout``'s stdio rules."""
    kind = guess_handle_type(fd)
    stream: Writable
    if kind == "TTY":
        stream = WriteStream(fd)
    elif kind == "FILE":
        stream = SyncWriteStream(fd, autoClose=False, keep_open=True)
    elif kind in ("PIPE", "TCP"):
        stream = StdioSocket(fd, kind, True)
    else:
        stream = _BlackHole(fd)
    never_end(stream)
    return stream


def create_stdin(fd: int = 0) -> Readable:
    """Node's ``getStdin``: a paused stream that reads only once asked to."""
    kind = guess_handle_type(fd)
    if kind == "TTY":
        return ReadStream(fd)
    if kind == "FILE":
        return FileReadStream(fd)
    if kind in ("PIPE", "TCP"):
        return StdioSocket(fd, kind, False)
    return _EmptyStdin(fd)
