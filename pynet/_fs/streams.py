"""Node's ``fs.ReadStream`` and ``fs.WriteStream`` (``lib/internal/fs/streams.js``, v20).

Theory of operation
-------------------
Both are the public stream classes with Node's fs hooks:

* ``_construct`` opens ``path`` with ``flags``/``mode`` on the threadpool
  (unless ``fd`` was given), sets ``fd``, then emits ``'open'(fd)`` and
  ``'ready'``; an open error destroys the stream (``'error'``, ``'close'``).
* ``ReadStream._read(n)`` reads ``min(n, end - pos + 1)`` bytes at ``pos``
  (``start`` and ``end`` are inclusive byte offsets; without ``start`` the
  descriptor's own offset is used) and pushes them; a 0-byte read is EOF.
  The default ``highWaterMark`` is 64 KiB, so a chunk is up to 64 KiB.
* ``WriteStream._write``/``_writev`` write every byte at ``pos`` (or the
  current offset), and count ``bytesWritten``.
* ``_destroy`` closes the descriptor (when ``autoClose``, the default), after
  the read or write in flight if there is one: a descriptor is never closed
  under a worker that is using it.

Invariants
----------
* At most one read or write request is in flight per stream (the stream
  machinery never calls ``_read``/``_write`` again before the last one ends),
  and ``_destroy`` waits for it (Node's ``kIsPerformingIO``/``kIoDone``).
* The descriptor a stream opened is closed exactly once, by ``_destroy``,
  unless ``autoClose`` is false; ``fd`` is ``None`` from then on.
* ``pending`` is true exactly while ``fd`` is ``None``.

Not here: ``options.fs`` (custom fs functions), ``FileHandle`` as ``fd``,
the monkey-patched ``open()`` compatibility path.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from pynet import errors
from pynet._fs import ops
from pynet._js.validators import invalid_arg_type, out_of_range, validate_boolean, validate_integer
from pynet._streams.destroy import error_or_destroy
from pynet._streams.end_of_stream import eos
from pynet._streams.readable import Readable
from pynet._streams.writable import Writable

__all__ = ["ReadStream", "WriteStream"]

_Cb = Callable[..., Any]


def _import_fd(fd: object) -> int:
    """Node's ``importFd`` + ``getValidatedFd`` for a raw descriptor."""
    if not isinstance(fd, (int, float)) or isinstance(fd, bool):
        raise invalid_arg_type("options.fd", ["number", "FileHandle"], fd)
    return ops.get_validated_fd(fd)


class _FileStream:
    """What both file streams share: the open, ``pending``, waiting for I/O to end."""

    fd: int | None
    path: Any
    flags: Any
    mode: Any
    _io: bool
    _io_done: Callable[[BaseException | None], None] | None

    def _setup(self, path: Any, opts: dict[str, Any], default_flags: str) -> None:
        self._io = False
        self._io_done = None
        if opts.get("fd") is None:
            self.fd = None
            self.path = ops.validate_path(path)
            self.flags = default_flags if opts.get("flags") is None else opts["flags"]
            self.mode = 0o666 if opts.get("mode") is None else opts["mode"]
        else:
            self.fd = _import_fd(opts["fd"])
            self.path = None  # Node leaves path, flags and mode undefined here.
            self.flags = None
            self.mode = None
        opts["autoDestroy"] = True if opts.get("autoClose") is None else opts["autoClose"]

    def _construct(self, callback: _Cb) -> None:
        if isinstance(self.fd, int):
            callback()
            return
        flags = ops.string_to_flags(self.flags)
        mode = ops.parse_file_mode(self.mode, "mode", 0o666)

        def opened(err: BaseException | None, fd: int | None) -> None:
            if err is not None:
                callback(err)
                return
            self.fd = fd
            callback()
            self.emit("open", fd)  # type: ignore[attr-defined]
            self.emit("ready")  # type: ignore[attr-defined]
        ops.open_file(self._loop, self.path, flags, mode, opened)  # type: ignore[attr-defined]

    def _fs_close(self, err: BaseException | None, cb: _Cb) -> None:
        """Node's ``close(stream, err, cb)``: fsync if ``flush``, then close the fd."""
        fd = self.fd
        if not fd:
            cb(err)
        elif getattr(self, "flush", False):
            def flushed(flush_err: BaseException | None, _: Any) -> None:
                self._fs_close_fd(fd, err or flush_err, cb)
            ops.fsync(self._loop, fd, flushed)  # type: ignore[attr-defined]
        else:
            self._fs_close_fd(fd, err, cb)

    def _fs_close_fd(self, fd: int, err: BaseException | None, cb: _Cb) -> None:
        """Node's ``_close``: the close request; ``fd`` is ``None`` at once."""
        ops.close(self._loop, fd, lambda er, _: cb(er or err))  # type: ignore[attr-defined]
        self.fd = None

    def _destroy(self, err: BaseException | None, cb: _Cb) -> None:
        # File I/O runs on worker threads: the fd must not be closed while a read
        # or write uses it.  Wait for it (Node's kIsPerformingIO / kIoDone).
        if self._io:
            self._io_done = lambda er: self._fs_close(err or er, cb)
        else:
            self._fs_close(err, cb)

    def _end_io(self, err: BaseException | None) -> bool:
        """The read or write in flight has ended; True when the stream was destroyed
        meanwhile (and ``_destroy`` may now close)."""
        self._io = False
        if self._destroyed:  # type: ignore[attr-defined]
            done, self._io_done = self._io_done, None
            if done is not None:
                done(err)
            return True
        return False

    @property
    def pending(self) -> bool:
        """``True`` while the file is not open yet (``fd`` is ``None``)."""
        return self.fd is None

    @property
    def autoClose(self) -> bool:
        """Whether the descriptor is closed when the stream is destroyed (``autoDestroy``)."""
        return bool(self._auto_destroy)

    @autoClose.setter
    def autoClose(self, value: bool) -> None:
        self._auto_destroy = value


class ReadStream(_FileStream, Readable):  # type: ignore[misc]  # _construct: a method
    """Node's ``fs.ReadStream``: what :func:`pynet.fs.createReadStream` returns.

    Attributes:
        ``path``: The path given (``None`` when made from ``fd``).
        ``fd``: The descriptor, an ``int``; ``None`` until ``'open'`` and after close.
        ``flags``: The open flags (``'r'`` by default; ``None`` when made from ``fd``).
        ``mode``: The mode for a file the flags create (``0o666``; ``None`` from ``fd``).
        ``start``: The first byte offset to read, or ``None``.
        ``end``: The last byte offset to read (inclusive); ``math.inf`` for all.
        ``pos``: The offset of the next read, or ``None`` (the descriptor's own).
        ``bytesRead``: How many bytes have been read so far.
    """

    def __init__(self, path: Any, options: Any = None, **kwargs: Any) -> None:
        opts = ops.get_options(options, kwargs)
        if opts.get("highWaterMark") is None:
            opts["highWaterMark"] = 64 * 1024
        self._setup(path, opts, "r")
        self.start: int | None = opts.get("start")
        self.end: float = math.inf
        self.pos: int | None = None
        self.bytesRead = 0
        if self.start is not None:
            self.start = validate_integer(self.start, "start", 0)
            self.pos = self.start
        end = opts.get("end")
        if end is not None and end != math.inf:
            self.end = validate_integer(end, "end", 0)
            if self.start is not None and self.start > self.end:
                raise out_of_range("start", f'<= "end" (here: {self.end})', self.start)
        Readable.__init__(self, opts)

    def _read(self, n: int) -> None:
        if self.pos is not None:
            n = int(min(self.end - self.pos + 1, n))
        else:
            n = int(min(self.end - self.bytesRead + 1, n))
        if n <= 0:
            self.push(None)
            return
        self._io = True
        assert self.fd is not None
        ops.read(self._loop, self.fd, n, self.pos, self._on_read)

    def _on_read(self, err: BaseException | None, data: bytes | None) -> None:
        if self._end_io(err):
            return
        if err is not None:
            error_or_destroy(self, err)
        elif data:
            if self.pos is not None:
                self.pos += len(data)
            self.bytesRead += len(data)
            self.push(data)
        else:
            self.push(None)

    def close(self, cb: Any = None) -> None:
        """Destroy the stream, closing the file; ``cb`` runs once it has closed."""
        if callable(cb):
            eos(self, cb)
        self.destroy()


class WriteStream(_FileStream, Writable):  # type: ignore[misc]  # _construct: a method
    """Node's ``fs.WriteStream``: what :func:`pynet.fs.createWriteStream` returns.

    Attributes:
        ``path``: The path given (``None`` when made from ``fd``).
        ``fd``: The descriptor, an ``int``; ``None`` until ``'open'`` and after close.
        ``flags``: The open flags (``'w'`` by default; ``None`` when made from ``fd``).
        ``mode``: The mode for a file the flags create (``0o666``; ``None`` from ``fd``).
        ``start``: The byte offset to write at, or ``None`` (the descriptor's own).
        ``pos``: The offset of the next write, or ``None``.
        ``flush``: Whether the file is fsync'd before it is closed.
        ``bytesWritten``: How many bytes have been written so far.
    """

    def __init__(self, path: Any, options: Any = None, **kwargs: Any) -> None:
        opts = ops.get_options(options, kwargs)
        opts["decodeStrings"] = True  # Only bytes reach _write.
        self._setup(path, opts, "w")
        flush = opts.get("flush")
        self.flush = False if flush is None else validate_boolean(flush, "options.flush")
        self.start: int | None = opts.get("start")
        self.pos: int | None = None
        self.bytesWritten = 0
        if self.start is not None:
            self.start = validate_integer(self.start, "start", 0)
            self.pos = self.start
        Writable.__init__(self, opts)
        encoding = opts.get("encoding")
        if encoding:
            self.setDefaultEncoding(encoding)

    def _write(self, chunk: Any, encoding: str, cb: _Cb) -> None:
        self._write_chunks([bytes(chunk)], cb)

    def _writev(self, chunks: list[Any], cb: _Cb) -> None:
        self._write_chunks([bytes(c.chunk) for c in chunks], cb)

    def _write_chunks(self, chunks: list[bytes], cb: _Cb) -> None:
        size = sum(len(c) for c in chunks)
        self._io = True

        def written(err: BaseException | None, n: int | None) -> None:
            if err is None:
                if self._destroyed:
                    err = errors.ERR_STREAM_DESTROYED("write")
                else:
                    self.bytesWritten += n or 0
            destroyed = self._destroyed
            self._io = False
            cb(err)
            if destroyed:
                self._end_io(err)
        assert self.fd is not None
        ops.writev(self._loop, self.fd, chunks, self.pos, written)
        if self.pos is not None:
            self.pos += size

    def close(self, cb: Any = None) -> None:
        """End the stream and close the file once everything is written; ``cb``
        runs at ``'close'`` (at once, on the next tick, if already closed)."""
        if cb:
            if self.closed:
                self._loop.next_tick(cb)
                return
            self.on("close", cb)
        if not self.autoClose:
            self.on("finish", self.destroy)
        self.end()

    def destroySoon(self) -> None:
        """Node's ``destroySoon``: ``end()`` (a file has no half-close)."""
        self.end()
