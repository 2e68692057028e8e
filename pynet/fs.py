"""Node's ``fs`` module, the subset a TCP program needs: ``from pynet import fs`` (mapping §11).

What is here
------------
* :func:`createReadStream` / :func:`createWriteStream` (and the classes
  :class:`ReadStream` / :class:`WriteStream`) with Node's options ``flags``,
  ``encoding``, ``fd``, ``mode``, ``autoClose``, ``emitClose``, ``start``,
  ``end``, ``highWaterMark`` (64 KiB for read streams), ``flush``; events
  ``'open'(fd)``, ``'ready'``, ``'close'``; ``bytesRead``/``bytesWritten``,
  ``path``, ``pending``, ``close(cb)``.  They are :class:`pynet.stream.Readable`
  and :class:`pynet.stream.Writable`, so they pipe to and from sockets::

      fs.createReadStream('photo.jpg').pipe(net.connect(8000, 'example.org'))

* :func:`readFile`, :func:`writeFile`, :func:`appendFile`, :func:`unlink`,
  :func:`stat` (callback forms; :class:`Stats` has Node's field names and
  ``isFile()``/``isDirectory()``…), and :data:`promises` with the same five
  returning :class:`pynet.Promise`.

Theory of operation
-------------------
Every file operation runs on pynet's worker threads
(:mod:`pynet._core.threadpool`, ``UV_THREADPOOL_SIZE`` of them, the pool
``dns.lookup`` uses too), as Node runs it on libuv's pool: the loop never
blocks on a disk.  A pending operation keeps ``pynet.run()`` alive, as
libuv's active requests do.  Callbacks run on the loop thread.

Errors are Node's: bad arguments raise ``ERR_*`` synchronously
(``ERR_INVALID_ARG_TYPE`` for a bad path or callback, ``ERR_OUT_OF_RANGE`` for
``start > end``…; in :data:`promises` they reject, since Node's are async
functions); a failing system call gives a system error (mapping §6) to the
callback or as the stream's ``'error'``::

    ENOENT: no such file or directory, open '/x'

with ``.code`` (``'ENOENT'``), ``.syscall`` (``'open'``), ``.path``
(``'/x'``) and ``.errno`` (Python's positive number, as everywhere in pynet).
The exception is the builtin subclass for the errno
(``FileNotFoundError``, ``IsADirectoryError``…).

Paths are ``str``, ``bytes`` (Node's Buffer paths) or any ``os.PathLike``
(``pathlib.Path`` stands in for Node's ``URL`` paths).

What Node has that pynet does not
----------------------------------
The synchronous ``*Sync`` functions (use Python's own ``open``/``os``), every
other asynchronous function (``open``, ``read``, ``write``, ``close``,
``rename``, ``mkdir``, ``readdir``, ``rm``, ``copyFile``, ``lstat``,
``fstat``, ``access``, ``chmod``, ``watch``, ``watchFile``…),
``FileHandle`` and ``fs.promises.open``, ``fs.constants``, ``stat``'s
``bigint`` option, ``readFile``'s and ``writeFile``'s ``AbortSignal`` checks
between reads (the signal is checked when the call starts and, for
``readFile``, when the data is read), the streams' ``fs`` option (custom
file functions), and async iterables as ``writeFile`` data.

Node reference: ``lib/fs.js`` (``readFile``, ``writeFile``, ``appendFile``,
``unlink``, ``stat``, ``createReadStream``, ``createWriteStream``),
``lib/internal/fs/streams.js``, ``lib/internal/fs/promises.js``,
``lib/internal/fs/utils.js``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pynet import errors
from pynet._core.calls import fit
from pynet._core.loop import get_loop
from pynet._core.promise import Promise
from pynet._fs import ops
from pynet._fs.ops import Stats
from pynet._fs.streams import ReadStream, WriteStream
from pynet._js.encoding import encode, normalize_encoding
from pynet._js.validators import invalid_arg_type, validate_boolean, validate_function

__all__ = [
    "ReadStream",
    "Stats",
    "WriteStream",
    "appendFile",
    "createReadStream",
    "createWriteStream",
    "promises",
    "readFile",
    "stat",
    "unlink",
    "writeFile",
]


class _Missing:
    """An argument that was not passed (JavaScript's ``undefined`` in messages)."""

    def __repr__(self) -> str:
        return "<missing>"


_MISSING: Any = _Missing()


def _validate_cb(callback: object) -> Callable[..., Any]:
    if callback is _MISSING:
        raise errors.ERR_INVALID_ARG_TYPE(
            'The "cb" argument must be of type function. Received undefined')
    return validate_function(callback, "cb")


def _take_callback(options: Any, callback: Any) -> tuple[Any, Callable[..., Any]]:
    """Node's ``callback ||= options``: the callback may come in the options' place."""
    if callback is _MISSING or callback is None:
        if callable(options):
            return None, _validate_cb(options)
        return options, _validate_cb(callback)
    return options, _validate_cb(callback)


def _is_fd(path: object) -> bool:
    """Node's ``isFd`` (``isUint32``)."""
    return isinstance(path, int) and not isinstance(path, bool) and 0 <= path <= 0xFFFFFFFF


def _aborted(signal: Any, call: Callable[..., Any]) -> bool:
    """Node's ``checkAborted``: an aborted signal fails the call on the next tick."""
    if signal is not None and getattr(signal, "aborted", False):
        from pynet.abort import AbortError
        get_loop().next_tick(call, AbortError(cause=signal.reason))
        return True
    return False


def _data_bytes(data: object, encoding: Any) -> bytes:
    """``writeFile``'s data: bytes-like as it is, a ``str`` encoded."""
    if isinstance(data, (bytes, bytearray, memoryview)):
        return bytes(data)
    if isinstance(data, str):
        return encode(data, normalize_encoding(encoding) or "utf8")
    raise invalid_arg_type("data", ["string", "Buffer", "TypedArray", "DataView"], data)


# --- streams ----------------------------------------------------------------------

def createReadStream(path: Any, options: Any = None, **kwargs: Any) -> ReadStream:
    """``fs.createReadStream(path[, options])``: a :class:`ReadStream` of the file.

    ``options`` is an encoding name or a dict (or keyword arguments) of
    ``flags`` (``'r'``), ``encoding``, ``fd`` (read an open descriptor; ``path``
    is then ignored), ``mode`` (``0o666``), ``autoClose`` (``True``: close the
    descriptor on ``'error'``/``'end'``), ``emitClose`` (``True``), ``start``
    and ``end`` (inclusive byte offsets), ``highWaterMark`` (64 KiB).
    """
    return ReadStream(path, options, **kwargs)


def createWriteStream(path: Any, options: Any = None, **kwargs: Any) -> WriteStream:
    """``fs.createWriteStream(path[, options])``: a :class:`WriteStream` to the file.

    ``options`` is an encoding name or a dict (or keyword arguments) of
    ``flags`` (``'w'``; ``'a'`` appends), ``encoding`` (the default for
    ``str`` writes), ``fd``, ``mode`` (``0o666``), ``autoClose``,
    ``emitClose``, ``start`` (the byte offset to write at), ``flush`` (fsync
    before closing), ``highWaterMark``.
    """
    return WriteStream(path, options, **kwargs)


# --- callback functions ---------------------------------------------------------------

def readFile(path: Any, options: Any = None, callback: Any = _MISSING,
             **kwargs: Any) -> None:
    """``fs.readFile(path[, options], callback)``: ``callback(err, data)`` with
    the whole file, ``bytes`` or, with an ``encoding``, ``str``.

    ``options``: an encoding name or a dict (or keywords) of ``encoding``,
    ``flag`` (``'r'``) and ``signal``.  ``path`` may be an open descriptor
    (read from its offset, left open).
    """
    options, cb = _take_callback(options, callback)
    opts = ops.get_options(options, kwargs, {"flag": "r"})
    call = fit(cb)
    encoding = opts.get("encoding")
    signal = opts.get("signal")

    def done(err: BaseException | None, data: bytes | None) -> None:
        if err is None and signal is not None and getattr(signal, "aborted", False):
            from pynet.abort import AbortError
            err = AbortError(cause=signal.reason)
        if err is not None:
            call(err)
        else:
            call(None, ops.decode(data or b"", encoding))

    if _is_fd(path):
        ops.read_file(get_loop(), path, 0, done)
        return
    if _aborted(signal, call):
        return
    flags = ops.string_to_flags(opts.get("flag"))
    path = ops.validate_path(path)
    ops.read_file(get_loop(), path, flags, done)


def writeFile(file: Any, data: Any, options: Any = None, callback: Any = _MISSING,
              **kwargs: Any) -> None:
    """``fs.writeFile(file, data[, options], callback)``: replace the file's
    contents with ``data`` (``str`` or bytes-like); ``callback(err)``.

    ``options``: an encoding name or a dict (or keywords) of ``encoding``
    (``'utf8'``), ``mode`` (``0o666``), ``flag`` (``'w'``), ``flush`` and
    ``signal``.  ``file`` may be an open descriptor (written at its offset,
    left open).
    """
    options, cb = _take_callback(options, callback)
    opts = ops.get_options(options, kwargs,
                           {"encoding": "utf8", "mode": 0o666, "flag": "w", "flush": False})
    _write_file(file, data, opts, fit(cb))


def _write_file(file: Any, data: Any, opts: dict[str, Any], call: Callable[..., Any]) -> None:
    flag = opts.get("flag") or "w"
    flush = opts.get("flush")
    flush = False if flush is None else validate_boolean(flush, "options.flush")
    payload = _data_bytes(data, opts.get("encoding"))

    def done(err: BaseException | None, _: Any) -> None:
        call(err)

    if _aborted(opts.get("signal"), call):  # Node's writeAll checks it for a descriptor too.
        return
    if _is_fd(file):
        ops.write_file(get_loop(), file, payload, 0, 0, flush, done)
        return
    path = ops.validate_path(file)
    flags = ops.string_to_flags(flag)
    mode = ops.parse_file_mode(opts.get("mode"), "mode", 0o666)
    ops.write_file(get_loop(), path, payload, flags, mode, flush, done)


def appendFile(path: Any, data: Any, options: Any = None, callback: Any = _MISSING,
               **kwargs: Any) -> None:
    """``fs.appendFile(path, data[, options], callback)``: add ``data`` at the
    end of the file, creating it if needed; ``callback(err)``.  Options as
    :func:`writeFile`'s, with ``flag`` ``'a'``."""
    options, cb = _take_callback(options, callback)
    opts = ops.get_options(options, kwargs, {"encoding": "utf8", "mode": 0o666, "flag": "a"})
    if not opts.get("flag") or _is_fd(path):
        opts["flag"] = "a"
    _write_file(path, data, opts, fit(cb))


def unlink(path: Any, callback: Any = _MISSING) -> None:
    """``fs.unlink(path, callback)``: remove a file; ``callback(err)``."""
    call = fit(_validate_cb(callback))
    path = ops.validate_path(path)
    ops.unlink(get_loop(), path, lambda err, _: call(err))


def stat(path: Any, options: Any = None, callback: Any = _MISSING) -> None:
    """``fs.stat(path[, options], callback)``: ``callback(err, stats)`` with a
    :class:`Stats`.  The ``bigint`` option is not supported (``Stats`` has
    ``int`` fields where Python has them: ``size``, ``ino``…)."""
    if callable(options) and callback is _MISSING:
        options, callback = None, options
    call = fit(_validate_cb(callback))
    path = ops.validate_path(path)

    def done(err: BaseException | None, stats: Stats | None) -> None:
        if err is not None:
            call(err)
        else:
            call(None, stats)
    ops.stat(get_loop(), path, done)


# --- promises ---------------------------------------------------------------------

def _promise(start: Callable[[Callable[..., None]], None]) -> Promise[Any]:
    """A Promise settled by the callback form ``start(cb)``; an argument error
    rejects it, as Node's async functions turn a throw into a rejection."""
    settle: list[Callable[..., None]] = []
    promise: Promise[Any] = Promise(lambda resolve, reject: settle.extend((resolve, reject)))
    resolve, reject = settle

    def done(err: BaseException | None = None, value: Any = None) -> None:
        if err is not None:
            reject(err)
        else:
            resolve(value)
    try:
        start(done)
    except Exception as exc:  # Argument errors: a rejection, not a throw.
        reject(exc)
    return promise


class _Promises:
    """``fs.promises`` (``require('fs/promises')``): the promise forms, each
    returning a :class:`pynet.Promise`."""

    @staticmethod
    def readFile(path: Any, options: Any = None, **kwargs: Any) -> Promise[Any]:
        """``fsPromises.readFile(path[, options])``: a Promise of the contents
        (``bytes``, or ``str`` with an ``encoding``)."""
        def start(done: Callable[..., None]) -> None:
            if _is_fd(path):
                ops.validate_path(path)  # A number is no path here (no FileHandle).
            readFile(path, options, done, **kwargs)
        return _promise(start)

    @staticmethod
    def writeFile(file: Any, data: Any, options: Any = None, **kwargs: Any) -> Promise[None]:
        """``fsPromises.writeFile(file, data[, options])``: fulfilled with
        ``None`` once written."""
        def start(done: Callable[..., None]) -> None:
            if _is_fd(file):
                ops.validate_path(file)
            writeFile(file, data, options, done, **kwargs)
        return _promise(start)

    @staticmethod
    def appendFile(path: Any, data: Any, options: Any = None, **kwargs: Any) -> Promise[None]:
        """``fsPromises.appendFile(path, data[, options])``: fulfilled with
        ``None`` once appended."""
        def start(done: Callable[..., None]) -> None:
            if _is_fd(path):
                ops.validate_path(path)
            appendFile(path, data, options, done, **kwargs)
        return _promise(start)

    @staticmethod
    def unlink(path: Any) -> Promise[None]:
        """``fsPromises.unlink(path)``: fulfilled with ``None`` once removed."""
        return _promise(lambda done: unlink(path, done))

    @staticmethod
    def stat(path: Any, options: Any = None) -> Promise[Stats]:
        """``fsPromises.stat(path[, options])``: a Promise of a :class:`Stats`."""
        return _promise(lambda done: stat(path, options, done))


#: ``require('fs').promises`` / ``require('fs/promises')``: ``readFile``,
#: ``writeFile``, ``appendFile``, ``unlink`` and ``stat`` returning Promises.
promises = _Promises()
