"""``uv_fs_*`` on the threadpool, and the argument rules of Node's ``internal/fs/utils``.

Theory of operation
-------------------
Every file operation is one request on pynet's threadpool
(:func:`pynet._core.threadpool.queue_work`, kind ``'fs'``), as libuv runs
``uv_fs_open``/``uv_fs_read``/… on its pool: the blocking system call runs on
a worker thread, and the callback ``done(err, result)`` runs on the loop
thread.  A request holds a loop ref while it is pending, so ``pynet.run()``
waits for it, as libuv counts an active ``uv_fs_t``.

A failed system call becomes Node's ``UVException``
(:func:`pynet.errors.uv_exception`): ``ENOENT: no such file or directory,
open '/x'`` with ``errno``, ``code``, ``syscall`` and, for calls on a path,
``path``.  Composite operations (:func:`read_file`, :func:`write_file`) run
their open/read/write/close sequence inside one request and name the step
that failed, as Node's separate requests would (``open`` with the path,
``read``/``write`` without).

Invariants
----------
* ``done`` is called exactly once per request, on the loop thread.
* A composite operation never leaves a descriptor it opened open, whatever
  step fails.
* Argument checks (:func:`validate_path`, :func:`string_to_flags`,
  :func:`get_options`…) raise Node's ``ERR_*`` errors synchronously and never
  touch the file system.

Node reference: ``lib/internal/fs/utils.js`` (``getValidatedPath``,
``stringToFlags``, ``getOptions``, ``Stats``), ``lib/fs.js`` (``readFile``'s
context, ``writeFile``), libuv's ``src/unix/fs.c``.
"""

from __future__ import annotations

import datetime
import errno as _errno
import os
import stat as _stat
from collections.abc import Callable, Mapping
from typing import Any

from pynet import errors
from pynet._core.loop import Loop
from pynet._core.threadpool import queue_work
from pynet._js.encoding import normalize_encoding
from pynet._js.validators import (
    invalid_arg_type,
    invalid_arg_value,
    validate_int32,
    validate_uint32,
)

__all__ = [
    "Stats",
    "close",
    "decode",
    "get_options",
    "get_validated_fd",
    "open_file",
    "parse_file_mode",
    "path_text",
    "read",
    "read_file",
    "stat",
    "string_to_flags",
    "unlink",
    "validate_path",
    "write_file",
    "writev",
]

Done = Callable[[BaseException | None, Any], None]
PathLike = str | bytes | os.PathLike[str] | os.PathLike[bytes]

_O_SYNC = getattr(os, "O_SYNC", 0)

#: Node's ``stringToFlags`` table.
_FLAGS: dict[str, int] = {
    "r": os.O_RDONLY,
    "rs": os.O_RDONLY | _O_SYNC,
    "sr": os.O_RDONLY | _O_SYNC,
    "r+": os.O_RDWR,
    "rs+": os.O_RDWR | _O_SYNC,
    "sr+": os.O_RDWR | _O_SYNC,
    "w": os.O_TRUNC | os.O_CREAT | os.O_WRONLY,
    "wx": os.O_TRUNC | os.O_CREAT | os.O_WRONLY | os.O_EXCL,
    "xw": os.O_TRUNC | os.O_CREAT | os.O_WRONLY | os.O_EXCL,
    "w+": os.O_TRUNC | os.O_CREAT | os.O_RDWR,
    "wx+": os.O_TRUNC | os.O_CREAT | os.O_RDWR | os.O_EXCL,
    "xw+": os.O_TRUNC | os.O_CREAT | os.O_RDWR | os.O_EXCL,
    "a": os.O_APPEND | os.O_CREAT | os.O_WRONLY,
    "ax": os.O_APPEND | os.O_CREAT | os.O_WRONLY | os.O_EXCL,
    "xa": os.O_APPEND | os.O_CREAT | os.O_WRONLY | os.O_EXCL,
    "as": os.O_APPEND | os.O_CREAT | os.O_WRONLY | _O_SYNC,
    "sa": os.O_APPEND | os.O_CREAT | os.O_WRONLY | _O_SYNC,
    "a+": os.O_APPEND | os.O_CREAT | os.O_RDWR,
    "ax+": os.O_APPEND | os.O_CREAT | os.O_RDWR | os.O_EXCL,
    "xa+": os.O_APPEND | os.O_CREAT | os.O_RDWR | os.O_EXCL,
    "as+": os.O_APPEND | os.O_CREAT | os.O_RDWR | _O_SYNC,
    "sa+": os.O_APPEND | os.O_CREAT | os.O_RDWR | _O_SYNC,
}

#: libuv opens every file close-on-exec.
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)

#: Node reads a file of unknown size in 512 KiB steps (``kReadFileUnknownBufferLength``
#: is 64 KiB; regular files are read in one go up to their size).
_READ_STEP = 512 * 1024


# --- argument rules -------------------------------------------------------------

def path_text(path: Any) -> str:
    """The path as Node puts it in messages and ``err.path`` (``Buffer`` → string)."""
    raw = os.fspath(path)
    return os.fsdecode(raw) if isinstance(raw, bytes) else raw


def validate_path(path: object, name: str = "path") -> PathLike:
    """``getValidatedPath``: a ``str``, ``bytes`` (Buffer) or path object (URL's
    stand-in) without NUL bytes."""
    if isinstance(path, bytearray):
        path = bytes(path)
    if not isinstance(path, (str, bytes, os.PathLike)):
        raise invalid_arg_type(name, ["string", "Buffer", "URL"], path)
    raw = os.fspath(path)
    if (b"\0" if isinstance(raw, bytes) else "\0") in raw:
        raise invalid_arg_value(name, raw, "must be a string, Uint8Array, or URL without "
                                "null bytes")
    return path


def get_validated_fd(fd: object, name: str = "fd") -> int:
    """``getValidatedFd``: an int32 ``>= 0``."""
    return validate_int32(fd, name, 0)


def string_to_flags(flags: object, name: str = "flags") -> int:
    """``stringToFlags``: Node's flag strings (``'r'``, ``'w+'``, ``'ax'``…) or a number."""
    if isinstance(flags, int) and not isinstance(flags, bool):
        return flags
    if flags is None:
        return os.O_RDONLY
    if isinstance(flags, str) and flags in _FLAGS:
        return _FLAGS[flags]
    raise invalid_arg_value(name, flags)


def parse_file_mode(value: object, name: str, default: int) -> int:
    """``parseFileMode``: a number or an octal string, within ``0..0o777777``."""
    if value is None:
        return default
    if isinstance(value, str):
        if not value or any(c not in "01234567" for c in value):
            raise invalid_arg_value(name, value, "must be a 32-bit unsigned integer or an "
                                    "octal string")
        value = int(value, 8)
    return validate_uint32(value, name) & 0o777777


def _validate_encoding(encoding: object) -> None:
    if encoding is not None and encoding != "buffer" and normalize_encoding(encoding) is None:
        raise invalid_arg_value("encoding", encoding, "is invalid encoding")


def get_options(options: object, kwargs: dict[str, Any] | None = None,
                defaults: dict[str, Any] | None = None) -> dict[str, Any]:
    """``getOptions``: ``None``, an encoding name, or an options mapping (plus keyword
    arguments, mapping §3), merged over ``defaults``; the encoding is checked.

    Any :class:`~collections.abc.Mapping` is read with its lookups, so a
    ``ChainMap`` stands in for Node's options inherited through a prototype."""
    result = dict(defaults or {})
    if options is None or callable(options):
        pass
    elif isinstance(options, str):
        result["encoding"] = options
    elif isinstance(options, Mapping):
        result.update(options)
    else:
        raise invalid_arg_type("options", ["string", "Object"], options)
    if kwargs:
        result.update(kwargs)
    _validate_encoding(result.get("encoding"))
    return result


def decode(data: bytes, encoding: object) -> bytes | str:
    """``buffer.toString(encoding)`` for a whole file (bytes when no encoding)."""
    if encoding is None or encoding == "buffer":
        return data
    name = normalize_encoding(encoding)
    from pynet._js.encoding import StringDecoder
    decoder = StringDecoder(name or "utf8")
    return decoder.write(data) + decoder.end()


# --- Stats ------------------------------------------------------------------------

_EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)


def _date(ms: float) -> datetime.datetime:
    """A JavaScript ``Date`` of ``ms``: whole milliseconds, UTC."""
    return _EPOCH + datetime.timedelta(milliseconds=int(ms))


class Stats:
    """Node's ``fs.Stats``: what :func:`pynet.fs.stat` gives.

    The fields are Node's, in Node's order: ``dev``, ``mode``, ``nlink``,
    ``uid``, ``gid``, ``rdev``, ``blksize``, ``ino``, ``size``, ``blocks``,
    ``atimeMs``, ``mtimeMs``, ``ctimeMs``, ``birthtimeMs`` (numbers, with
    fractions of a millisecond) and ``atime``, ``mtime``, ``ctime``,
    ``birthtime`` (JavaScript ``Date`` values as aware UTC
    ``datetime.datetime``, whole milliseconds).  Where Python cannot read
    a file's birth time (Linux before statx support in Python), ``birthtime``
    is the change time, as libuv's ``stat`` fallback gives.
    """

    def __init__(self, st: os.stat_result) -> None:
        self.dev = st.st_dev
        self.mode = st.st_mode
        self.nlink = st.st_nlink
        self.uid = st.st_uid
        self.gid = st.st_gid
        self.rdev = getattr(st, "st_rdev", 0)
        self.blksize = getattr(st, "st_blksize", 4096)
        self.ino = st.st_ino
        self.size = st.st_size
        self.blocks = getattr(st, "st_blocks", 0)
        self.atimeMs = st.st_atime_ns / 1e6
        self.mtimeMs = st.st_mtime_ns / 1e6
        self.ctimeMs = st.st_ctime_ns / 1e6
        birth = getattr(st, "st_birthtime_ns", None)
        self.birthtimeMs = birth / 1e6 if birth is not None else self.ctimeMs
        self.atime = _date(self.atimeMs)
        self.mtime = _date(self.mtimeMs)
        self.ctime = _date(self.ctimeMs)
        self.birthtime = _date(self.birthtimeMs)

    def isFile(self) -> bool:
        """Whether this is a regular file."""
        return _stat.S_ISREG(self.mode)

    def isDirectory(self) -> bool:
        """Whether this is a directory."""
        return _stat.S_ISDIR(self.mode)

    def isBlockDevice(self) -> bool:
        """Whether this is a block device."""
        return _stat.S_ISBLK(self.mode)

    def isCharacterDevice(self) -> bool:
        """Whether this is a character device."""
        return _stat.S_ISCHR(self.mode)

    def isSymbolicLink(self) -> bool:
        """Whether this is a symbolic link (only from ``lstat``; ``stat`` follows links)."""
        return _stat.S_ISLNK(self.mode)

    def isFIFO(self) -> bool:
        """Whether this is a FIFO (named pipe)."""
        return _stat.S_ISFIFO(self.mode)

    def isSocket(self) -> bool:
        """Whether this is a Unix socket."""
        return _stat.S_ISSOCK(self.mode)

    def __repr__(self) -> str:
        fields = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"Stats({fields})"


# --- requests ---------------------------------------------------------------------

def _uv_error(exc: OSError, syscall: str, path: str | None) -> errors.SystemError:
    if isinstance(exc, errors.SystemError):
        return exc
    return errors.uv_exception(exc.errno if exc.errno is not None else _errno.EIO,
                               syscall, path)


def _submit(loop: Loop, syscall: str, path: str | None, work: Callable[[], Any],
            done: Done) -> None:
    """One ``uv_fs_t``: ``work()`` on a worker, ``done(err, result)`` on the loop.

    An ``OSError`` from ``work`` becomes Node's error for ``syscall``/``path``
    (a :class:`pynet.errors.SystemError` it raised is passed on as it is).
    """
    def run() -> tuple[BaseException | None, Any]:
        try:
            return None, work()
        except OSError as exc:
            return _uv_error(exc, syscall, path), None

    def after(status: int, outcome: tuple[BaseException | None, Any]) -> None:
        err, result = outcome
        done(err, result)

    queue_work(loop, run, after, "fs")


def _step(syscall: str, path: str | None, fn: Callable[..., Any], *args: Any) -> Any:
    """On a worker: one system call of a composite request, its error named after it."""
    try:
        return fn(*args)
    except OSError as exc:
        raise _uv_error(exc, syscall, path) from None


def open_file(loop: Loop, path: PathLike, flags: int, mode: int, done: Done) -> None:
    """``uv_fs_open``: ``done(err, fd)``."""
    _submit(loop, "open", path_text(path),
            lambda: os.open(path, flags | _CLOEXEC, mode), done)


def close(loop: Loop, fd: int, done: Done) -> None:
    """``uv_fs_close``: ``done(err, None)``."""
    _submit(loop, "close", None, lambda: os.close(fd), done)


def fsync(loop: Loop, fd: int, done: Done) -> None:
    """``uv_fs_fsync``: ``done(err, None)``."""
    _submit(loop, "fsync", None, lambda: os.fsync(fd), done)


def read(loop: Loop, fd: int, length: int, position: int | None, done: Done) -> None:
    """``uv_fs_read`` of up to ``length`` bytes at ``position`` (``None``: the
    current offset): ``done(err, data)``, ``b''`` at the end of the file."""
    if position is None:
        _submit(loop, "read", None, lambda: os.read(fd, length), done)
    else:
        _submit(loop, "read", None, lambda: os.pread(fd, length, position), done)


_pwritev: Callable[[int, list[memoryview], int], int] | None = getattr(os, "pwritev", None)


def _write_all(fd: int, chunks: list[bytes], position: int | None) -> int:
    """On a worker: write every byte of ``chunks`` (Node's ``writeAll``/``writevAll``
    loop over short writes)."""
    views = [memoryview(c) for c in chunks if len(c)]
    total = 0
    while views:
        if position is None:
            n = os.writev(fd, views)
        elif _pwritev is not None:
            n = _pwritev(fd, views, position + total)
        else:  # No pwritev (older macOS): one positioned write of the first buffer.
            n = os.pwrite(fd, views[0], position + total)
        if n == 0:
            raise OSError(_errno.EIO, "write failed")  # Node: ERR_SYSTEM_ERROR after 5 tries
        total += n
        while views and n >= len(views[0]):
            n -= len(views[0])
            views.pop(0)
        if n:
            views[0] = views[0][n:]
    return total


def writev(loop: Loop, fd: int, chunks: list[bytes], position: int | None,
           done: Done, syscall: str = "write") -> None:
    """``uv_fs_write`` of ``chunks`` at ``position`` (``None``: the current offset),
    repeated over short writes: ``done(err, bytes_written)``."""
    _submit(loop, syscall, None, lambda: _write_all(fd, chunks, position), done)


def stat(loop: Loop, path: PathLike, done: Done) -> None:
    """``uv_fs_stat``: ``done(err, Stats)``."""
    _submit(loop, "stat", path_text(path), lambda: Stats(os.stat(path)), done)


def unlink(loop: Loop, path: PathLike, done: Done) -> None:
    """``uv_fs_unlink``: ``done(err, None)``."""
    _submit(loop, "unlink", path_text(path), lambda: os.unlink(path), done)


def _read_all(fd: int) -> bytes:
    """On a worker: the rest of ``fd`` (Node's ``readFile`` context: one read of
    the size ``fstat`` gives for a regular file, steps until EOF otherwise)."""
    st = _step("fstat", None, os.fstat, fd)
    size = st.st_size if _stat.S_ISREG(st.st_mode) else 0
    parts: list[bytes] = []
    while True:
        chunk = _step("read", None, os.read, fd, size if size > 0 else _READ_STEP)
        if not chunk:
            break
        parts.append(chunk)
        if size > 0:
            size = 0  # The file may have grown: read on until EOF, as Node does.
    return b"".join(parts)


def read_file(loop: Loop, path: PathLike | int, flags: int, done: Done) -> None:
    """``fs.readFile``'s open → fstat → read… → close, in one request:
    ``done(err, data)``.  A descriptor (``int``) is read from its current offset
    and left open."""
    if isinstance(path, int):
        fd = path
        _submit(loop, "read", None, lambda: _read_all(fd), done)
        return
    text = path_text(path)

    def work() -> bytes:
        fd = _step("open", text, os.open, path, flags | _CLOEXEC, 0o666)
        try:
            data = _read_all(fd)
        except BaseException:
            os.close(fd)
            raise
        _step("close", None, os.close, fd)
        return data

    _submit(loop, "open", text, work, done)


def write_file(loop: Loop, path: PathLike | int, data: bytes, flags: int, mode: int,
               flush: bool, done: Done) -> None:
    """``fs.writeFile``'s open → write… → (fsync) → close, in one request:
    ``done(err, None)``.  A descriptor (``int``) is written at its current offset
    and left open."""
    if isinstance(path, int):
        fd = path
        _submit(loop, "write", None, lambda: _write_all(fd, [data], None), done)
        return
    text = path_text(path)

    def work() -> None:
        fd = _step("open", text, os.open, path, flags | _CLOEXEC, mode)
        try:
            _step("write", None, _write_all, fd, [data], None)
            if flush:
                _step("fsync", None, os.fsync, fd)
        except BaseException:
            os.close(fd)
            raise
        _step("close", None, os.close, fd)

    _submit(loop, "open", text, work, done)
