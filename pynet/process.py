"""The parts of Node's ``process`` that matter to an event-loop program.

* :func:`nextTick` — queue a callback to run before the loop goes on
  (``process.nextTick``): after the current callback and the ticks before it,
  before any timer, immediate or I/O callback.
* ``process.on('uncaughtException', fn)`` — an exception escaping a callback
  is passed to ``fn(err, 'uncaughtException')`` and the loop carries on.  With
  no listener it stops the loop and propagates out of :func:`pynet.run`.
* ``process.on('SIGINT' | 'SIGTERM' | …, fn)`` — while a listener exists, the
  signal no longer interrupts the program: ``fn(name, number)`` runs on the
  loop instead, as in Node.  Removing the last listener restores the previous
  handler.  Signal listeners do not keep the loop alive (Node's signal handles
  are unref'd).
* ``process.on('beforeExit', fn)`` — emitted by :func:`pynet.run` each time
  the loop runs out of work; if ``fn`` schedules more, the loop goes on.
* :func:`emitWarning` — ``'warning'`` on the next tick; the default listener
  prints ``(node:PID) Name: message`` to stderr (not with ``NODE_NO_WARNINGS=1``),
  as Node's does, without its ``--trace-warnings`` hint.  Unhandled rejections
  in the ``warn`` modes and ``'multipleResolves'`` (DEP0160) use it.

* ``process.send(message)``, ``process.on('message', fn)``,
  ``process.disconnect()``, ``process.connected`` — in a cluster worker (a
  process started with an IPC channel, ``NODE_CHANNEL_FD``), JSON messages to
  and from the primary.  Elsewhere ``connected`` is ``False`` and ``send``
  raises ``ERR_IPC_CHANNEL_CLOSED`` (Node leaves ``process.send`` undefined).

* ``process.stdin``, ``process.stdout``, ``process.stderr`` — Node's stdio
  streams, made on first use by the descriptor's type, as Node makes them:
  on a **pipe or socket** a ``net.Socket`` (writes asynchronous: tried at
  once, queued while the reader is slow, with ``'drain'``); on a **TTY**
  Node's ``tty.WriteStream``/``tty.ReadStream`` (writes synchronous;
  ``isTTY``, ``columns``, ``rows``, ``'resize'``); on a **file** a
  synchronous ``SyncWriteStream`` and, for stdin, an ``fs.ReadStream``
  reading on pynet's worker threads.  Each has ``fd`` and ``isTTY``
  (``False`` off a terminal, where Node leaves it undefined).  ``stdout`` and
  ``stderr`` never close their descriptor (``destroy()``/``end()`` leave it
  open, as Node's ``dummyDestroy``), ``pipe()`` never ends them, and a write
  error such as ``EPIPE`` (the reader went away) is emitted as ``'error'``.
  ``stdin`` is paused until something reads it (``'data'``, ``resume()``,
  ``pipe()``): only then does it keep :func:`pynet.run` going, until its
  ``'end'``; a script that never reads it exits.  Closed descriptors 0-2
  are opened on ``/dev/null`` when pynet is imported (Node's start-up does
  the same), so ``<&-`` gives an empty stdin.  The three are not in
  ``__all__``: a star import would make them all.
* **print() and process.stdout.** Python's ``sys.stdout`` buffers what
  ``print()`` writes; each write to ``process.stdout`` (``stderr``) first
  flushes ``sys.stdout`` (``sys.stderr``), so earlier prints come out first.
  File and TTY writes are synchronous, so a later ``print()`` comes after
  them too; on a pipe a write the reader has not taken yet waits in pynet's
  queue and a later ``print()`` may overtake it: write through one of them.
  pynet leaves descriptors 0-2 blocking (it reopens a pipe or terminal for
  its own use, and uses ``MSG_DONTWAIT`` on a socket), so ``print()`` keeps
  working next to it; where a reopen fails it makes the descriptor
  non-blocking and restores its flags at exit, as Node does.
* ``argv`` (``[sys.executable, script's absolute path, *args]``, Node's
  shape; under ``python -m pynet script.py a b`` the script and its
  arguments), ``argv0``, ``execPath``, ``env`` (``os.environ``),
  ``pid``, ``ppid``, ``platform`` (``'linux'``…), :func:`cwd`, ``hrtime``
  and ``hrtime.bigint()``.
* :func:`exit` and ``exitCode`` — ``process.on('exit', fn)`` listeners run
  once with the exit code, on :func:`exit`, at the normal end of a
  ``python -m pynet`` script (after the loop ran dry and ``'beforeExit'``
  had nothing more to do), after an uncaught error (code 1, before the
  traceback is printed), and at interpreter exit for a plain ``python
  script.py``.  :func:`exit` raises :class:`SystemExit` after the listeners
  ran (so ``finally`` blocks and ``atexit`` handlers still run, as Python
  programs expect).  ``exitCode`` (validated as Node validates it) is the
  status :func:`exit` and ``python -m pynet`` exit with; under a plain
  ``python script.py`` Python sets the status: end it with
  ``sys.exit(process.exitCode or 0)`` if it matters.

The module itself plays the role of Node's ``process`` object: ``on``,
``once``, ``off``, ``emit`` and the other emitter methods are module-level
names bound to one :class:`pynet.events.EventEmitter`.  Its properties
(``stdout``, ``exitCode``…) are properties of the module's type, so
``process.exitCode = 2`` is validated and ``process.stdout`` is made when
first read.
"""

from __future__ import annotations

import atexit
import errno as _errno
import os
import signal as _signal
import sys
import threading
import time as _time
import types
from collections.abc import Callable
from types import FrameType
from typing import TYPE_CHECKING, Any, NoReturn

from pynet import errors
from pynet._core import loop as _loop
from pynet._core import promise as _promise
from pynet._core.calls import callback as user_callback
from pynet._core.calls import fit_args
from pynet._core.runtime import set_before_exit_hook
from pynet._js.errortext import NodeWarning, error_name, message
from pynet._js.number import is_number, to_number
from pynet._js.validators import invalid_arg_type, out_of_range, validate_integer
from pynet.events import EventEmitter

if TYPE_CHECKING:
    from pynet._net.stdio import ReadStream, WriteStream

__all__ = [
    "addListener",
    "argv",
    "argv0",
    "connected",
    "cwd",
    "disconnect",
    "emit",
    "emitWarning",
    "emit_exit",
    "emitter",
    "env",
    "eventNames",
    "execPath",
    "exit",
    "exitCode",
    "hrtime",
    "listenerCount",
    "listeners",
    "nextTick",
    "off",
    "on",
    "once",
    "pid",
    "platform",
    "ppid",
    "prependListener",
    "prependOnceListener",
    "removeAllListeners",
    "removeListener",
    "send",
    "set_ipc_channel",
]


def nextTick(callback: Callable[..., Any], *args: Any) -> None:
    """Run ``callback(*args)`` once the current operation completes."""
    if not callable(callback):
        raise invalid_arg_type("callback", "function", callback)
    _loop.get_loop().next_tick(callback, *fit_args(callback, args))


class _Process(EventEmitter):
    """The emitter behind the module-level functions."""

    def __init__(self) -> None:
        super().__init__()
        # Signals with a handler installed -> the handler it replaced
        # (signal.signal's), or None when installed through _signal_add.
        self._signal_saved: dict[int, Any] = {}
        self._signal_add: Callable[[int, Callable[[int], None]], None] | None = None
        self._signal_remove: Callable[[int], None] | None = None
        self.on("newListener", self._on_new_listener)
        self.on("removeListener", self._on_remove_listener)

    def _emit_before_exit(self) -> bool:
        if not self.listenerCount("beforeExit"):
            return False
        self.emit("beforeExit", _exit_code or 0)
        return True

    def _handle_uncaught(self, exc: BaseException, origin: str = "uncaughtException") -> bool:
        if not self.listenerCount("uncaughtException"):
            return False
        self.emit("uncaughtException", exc, origin)
        return True

    def _handle_rejection(self, reason: Any, promise: Any) -> bool:
        """Node's ``unhandledRejection`` emit: False when no one listens."""
        return self.emit("unhandledRejection", reason, promise)

    def _handle_rejection_handled(self, promise: Any) -> bool:
        return self.emit("rejectionHandled", promise)

    # -- signals --------------------------------------------------------------

    def _on_new_listener(self, event: str, listener: Any) -> None:
        signum = _signal_number(event)
        if signum is None or signum in self._signal_saved:
            return
        if threading.current_thread() is not threading.main_thread():
            return  # Python only lets the main thread set signal handlers.
        self._install_signal(signum)

    def _on_remove_listener(self, event: str, listener: Any) -> None:
        signum = _signal_number(event)
        if signum is None or signum not in self._signal_saved or self.listenerCount(event):
            return
        if threading.current_thread() is threading.main_thread():
            self._uninstall_signal(signum)

    def _install_signal(self, signum: int) -> None:
        if self._signal_add is not None:
            self._signal_add(signum, self._deliver_signal)
            self._signal_saved[signum] = None
        else:
            self._signal_saved[signum] = _signal.signal(signum, self._on_signal)

    def _uninstall_signal(self, signum: int) -> None:
        saved = self._signal_saved.pop(signum)
        if self._signal_remove is not None:
            self._signal_remove(signum)
        else:
            _signal.signal(signum, saved)

    def set_signal_backend(self, add: Callable[[int, Callable[[int], None]], None] | None,
                           remove: Callable[[int], None] | None) -> None:
        """Install OS signal handlers with ``add(signum, deliver)``/``remove(signum)``
        (``pynet.asyncio``: asyncio's ``add_signal_handler``), or with
        :func:`signal.signal` again (``None``); the handlers installed move."""
        signums = list(self._signal_saved)
        for signum in signums:
            self._uninstall_signal(signum)
        self._signal_add, self._signal_remove = add, remove
        for signum in signums:
            self._install_signal(signum)

    def _on_signal(self, signum: int, frame: FrameType | None) -> None:
        # Runs between two bytecodes of the main thread: only queue the event.
        self._deliver_signal(signum)

    def _deliver_signal(self, signum: int) -> None:
        name = _signal.Signals(signum).name
        _loop.get_loop().call_from_thread(self.emit, name, name, signum)


def _signal_number(event: Any) -> int | None:
    if not isinstance(event, str) or not event.startswith("SIG") or event == "SIGKILL":
        return None
    value = getattr(_signal.Signals, event, None)
    return int(value) if value is not None else None


#: Node's ``process`` object as an emitter: the module-level ``on``, ``emit``…
#: are its bound methods (``process.emitter.listenerCount('SIGINT')`` works too).
emitter = _Process()
_loop.set_uncaught_hook(emitter._handle_uncaught)
_promise.set_rejection_hooks(emitter._handle_rejection, emitter._handle_rejection_handled)
set_before_exit_hook(emitter._emit_before_exit)

on = emitter.on
once = emitter.once
off = emitter.off
addListener = emitter.addListener
removeListener = emitter.removeListener
removeAllListeners = emitter.removeAllListeners
prependListener = emitter.prependListener
prependOnceListener = emitter.prependOnceListener
emit = emitter.emit
listeners = emitter.listeners
listenerCount = emitter.listenerCount
eventNames = emitter.eventNames

# -- warnings -------------------------------------------------------------------------


def emitWarning(warning: Any, type: Any = None,  # noqa: A002 - Node's name
                code: Any = None, ctor: Any = None) -> None:
    """Node's ``process.emitWarning(warning[, type[, code]])`` (or ``(warning, options)``):
    ``'warning'`` is emitted on the next tick with a warning object (``name`` is
    ``type``, ``'Warning'`` by default)."""
    if isinstance(type, dict):
        code = type.get("code")
        type = type.get("type") or "Warning"  # noqa: A001
    elif callable(type):
        type, code = "Warning", None  # noqa: A001
    if type is not None and not isinstance(type, str):
        raise invalid_arg_type("type", "string", type)
    if callable(code):
        code = None
    elif code is not None and not isinstance(code, str):
        raise invalid_arg_type("code", "string", code)
    if isinstance(warning, str):
        warning = NodeWarning(warning, type or "Warning", code)
    elif not isinstance(warning, BaseException):
        raise invalid_arg_type("warning", ["Error", "string"], warning)
    nextTick(emitter.emit, "warning", warning)


def _on_warning(warning: Any) -> None:
    """Node's default ``'warning'`` listener (``onWarning``)."""
    if not isinstance(warning, BaseException):
        return
    code = getattr(warning, "code", None)
    prefix = f"(node:{os.getpid()}) " + (f"[{code}] " if code else "")
    text = message(warning)
    sys.stderr.write(f"{prefix}{error_name(warning)}{': ' + text if text else ''}\n")
    sys.stderr.flush()


def _multiple_resolves(kind: str, promise: Any, value: Any) -> None:
    """``'multipleResolves'`` (deprecated, DEP0160), only while someone listens."""
    if emitter.listenerCount("multipleResolves"):
        nextTick(_emit_multiple_resolves, kind, promise, value)


def _emit_multiple_resolves(kind: str, promise: Any, value: Any) -> None:
    global _multiple_resolves_warned
    if emitter.emit("multipleResolves", kind, promise, value) and not _multiple_resolves_warned:
        _multiple_resolves_warned = True
        emitWarning("The multipleResolves event has been deprecated.", "DeprecationWarning",
                    "DEP0160")


_multiple_resolves_warned = False
if os.environ.get("NODE_NO_WARNINGS") != "1":
    emitter.on("warning", _on_warning)
_promise.set_multiple_resolves_hook(_multiple_resolves)

# -- the IPC channel (a cluster worker's link to its primary) -----------------------

#: Whether this process has an open IPC channel to its parent (Node's
#: ``process.connected``): ``True`` in a cluster worker until it disconnects.
connected = False
_channel: Any = None


def set_ipc_channel(channel: Any) -> None:
    """Install the IPC channel (pynet's own; Node's ``setupChannel`` on ``process``).

    ``channel`` has ``send(message, fd, callback)`` and ``disconnect()`` and
    emits ``'message'``/``'internalMessage'``/``'disconnect'`` through this
    module's emitter.  :mod:`pynet.cluster` installs it in a worker.
    """
    global _channel, connected
    _channel = channel
    connected = True
    emitter.prependListener("disconnect", _on_disconnect)


def _on_disconnect() -> None:
    global connected
    connected = False


def send(message: Any, sendHandle: Any = None, options: Any = None,
         callback: Callable[..., Any] | None = None) -> bool:
    """Send a JSON-serialisable message to the parent (``process.send``).

    Returns ``False`` when the channel's queue is long (Node's backpressure
    hint).  ``callback(err)`` runs once the message is written.
    """
    handle = sendHandle
    if callable(handle):
        callback, handle = handle, None
    elif callable(options):
        callback = options
    if message is None:
        raise errors.ERR_MISSING_ARGS('The "message" argument must be specified')
    if handle is not None:
        raise errors.ERR_INVALID_HANDLE_TYPE()
    if _channel is None:
        raise errors.ERR_IPC_CHANNEL_CLOSED()
    if callback is not None:
        if not callable(callback):
            raise invalid_arg_type("callback", "function", callback)
        callback = user_callback(callback)  # Mapping §5: it gets only what it declares.
    result: bool = _channel.send(message, None, callback)
    return result


def disconnect() -> None:
    """Close the IPC channel to the parent (``process.disconnect``); ``'disconnect'`` follows."""
    global connected
    if _channel is None:
        raise errors.ERR_IPC_DISCONNECTED()
    connected = False
    _channel.disconnect()


# -- stdio, argv, exit: the rest of Node's process object -------------------------


def _ensure_std_fds() -> None:
    """Node's ``PlatformInit``: a closed descriptor 0, 1 or 2 is opened on
    ``/dev/null``, so no socket or file pynet opens later takes its number."""
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError as exc:
            if exc.errno != _errno.EBADF:
                continue
            null = os.open(os.devnull, os.O_RDWR)
            if null != fd:
                os.dup2(null, fd)
                os.close(null)
            else:
                os.set_inheritable(fd, True)


_ensure_std_fds()

if TYPE_CHECKING:
    # Properties of the module's type (_ProcessModule below): declared here for
    # type checkers, never stored in the module's namespace.  Typed as the TTY
    # streams, as Node's own typings do (a pipe's or file's stream has the same
    # methods, with ``isTTY`` False and ``columns``/``rows`` None).
    #: Standard input (``process.stdin``): a Readable, made on first use.
    stdin: ReadStream
    #: Standard output (``process.stdout``): a Writable, made on first use.
    stdout: WriteStream
    #: Standard error (``process.stderr``): a Writable, made on first use.
    stderr: WriteStream

#: ``process.exitCode``: the status the process exits with (``None``: 0).
#: Setting it validates it as Node does (an integer, or a string of one).
exitCode: int | str | None
#: ``process.argv``: ``[sys.executable, the script's absolute path, *args]``,
#: made from ``sys.argv`` on first use (Node's shape).
argv: list[str]
#: ``process.pid``: this process's id.
pid: int
#: ``process.ppid``: the parent process's id.
ppid: int

#: ``process.env``: the environment, :data:`os.environ` itself (values are ``str``).
env = os.environ
#: ``process.execPath``: the interpreter running the script (``sys.executable``).
execPath = sys.executable
#: ``process.argv0``: the interpreter as it was invoked (``sys.orig_argv[0]``).
argv0 = (getattr(sys, "orig_argv", None) or [sys.executable])[0]
#: ``process.platform``: ``'linux'``, ``'darwin'``, ``'win32'``, ``'freebsd'``…
platform = next((name for name in ("linux", "freebsd", "openbsd", "aix", "sunos")
                 if sys.platform.startswith(name)), sys.platform)

_stdio: dict[str, Any] = {}
_argv: list[str] | None = None
_exit_code: int | str | None = None  # as given (Node keeps a string as it is)
_exit_status = 0  # the number it stands for
_exiting = False  # Node's process._exiting: 'exit' was emitted


def _get_stdio(name: str) -> Any:
    stream = _stdio.get(name)
    if stream is None:
        # Node requires net, tty and fs inside these getters; so does pynet
        # (its net layer sits above this module).
        from pynet._net import stdio
        stream = stdio.create_stdin(0) if name == "stdin" else \
            stdio.create_writable_stdio(1 if name == "stdout" else 2)
        _stdio[name] = stream
    return stream


def _set_exit_code(code: Any) -> None:
    """Node's ``exitCode`` setter: ``None``, an integer, or a string of one."""
    global _exit_code, _exit_status
    if code is not None:
        value = code
        if isinstance(code, str) and code != "":
            number = to_number(code)
            if number == number:  # not NaN
                value = int(number) if number.is_integer() else number
        if is_number(value) and not float(value).is_integer():
            raise out_of_range("code", "an integer", value)
        _exit_status = validate_integer(value, "code")
    else:
        _exit_status = 0
    _exit_code = code


_promise.set_warning_hooks(emitWarning, _set_exit_code)


def _make_argv() -> list[str]:
    args = list(sys.argv)
    script = args[0] if args else ""
    if script in ("", "-c", "-m"):
        return [sys.executable, *args[1:]]
    return [sys.executable, os.path.abspath(script), *args[1:]]


class _ProcessModule(types.ModuleType):
    """The type of this module: Node's ``process`` properties."""

    @property
    def stdin(self) -> ReadStream:
        """``process.stdin``: made on first use, paused until something reads it."""
        result: ReadStream = _get_stdio("stdin")
        return result

    @property
    def stdout(self) -> WriteStream:
        """``process.stdout``: made on first use."""
        result: WriteStream = _get_stdio("stdout")
        return result

    @property
    def stderr(self) -> WriteStream:
        """``process.stderr``: made on first use."""
        result: WriteStream = _get_stdio("stderr")
        return result

    @property
    def exitCode(self) -> int | str | None:
        """``process.exitCode``: the status to exit with; ``None`` means 0."""
        return _exit_code

    @exitCode.setter
    def exitCode(self, code: int | str | None) -> None:
        _set_exit_code(code)

    @property
    def argv(self) -> list[str]:
        """``process.argv``: ``[sys.executable, script, *args]``."""
        global _argv
        if _argv is None:
            _argv = _make_argv()
        return _argv

    @argv.setter
    def argv(self, value: list[str]) -> None:
        global _argv
        _argv = value

    @property
    def pid(self) -> int:
        """``process.pid``."""
        return os.getpid()

    @property
    def ppid(self) -> int:
        """``process.ppid``."""
        return os.getppid()


sys.modules[__name__].__class__ = _ProcessModule


def cwd() -> str:
    """``process.cwd()``: the current working directory."""
    return os.getcwd()


class _HRTime:
    """``process.hrtime([time])`` and ``process.hrtime.bigint()``: a monotonic clock."""

    def __call__(self, time: list[int] | None = None) -> list[int]:
        """``[seconds, nanoseconds]`` now, or since ``time`` (a previous result)."""
        now = _time.monotonic_ns()
        sec, nsec = divmod(now, 1_000_000_000)
        if time is not None:
            if not isinstance(time, (list, tuple)):
                raise invalid_arg_type("time", "Array", time)
            if len(time) != 2:
                raise out_of_range("time", "2", len(time))
            sec -= time[0]
            nsec -= time[1]
            if nsec < 0:
                sec -= 1
                nsec += 1_000_000_000
        return [sec, nsec]

    def bigint(self) -> int:
        """The monotonic time in nanoseconds, as an ``int`` (Node's ``bigint``)."""
        return _time.monotonic_ns()


#: ``process.hrtime``: call it for ``[seconds, nanoseconds]``; ``hrtime.bigint()``
#: gives nanoseconds as one ``int``.
hrtime = _HRTime()

_MISSING: Any = object()


def emit_exit(code: int | None = None) -> int:
    """Emit ``'exit'`` once and return the status to exit with (pynet's own).

    Node's ``EmitProcessExit``: ``code``, if given, becomes ``exitCode``;
    the listeners get ``exitCode or 0`` and may still change ``exitCode``.
    ``python -m pynet`` calls it when the script is done; :func:`exit` and
    the interpreter's exit call it too; only the first call emits.
    """
    global _exiting
    if code is not None:
        _set_exit_code(code)
    if not _exiting:
        _exiting = True
        emitter.emit("exit", _exit_code or 0)
    return _exit_status


def exit(code: int | str | None = _MISSING) -> NoReturn:  # noqa: A001
    """``process.exit([code])``: run the ``'exit'`` listeners, then leave.

    ``code`` (given, even as ``None``) becomes ``exitCode`` first.  Leaves by
    raising :class:`SystemExit` with the status, after flushing
    ``sys.stdout``/``sys.stderr``.  As in Node, writes still queued on a
    pipe are lost: wait for the write callback (or ``'drain'``) first.
    """
    if code is not _MISSING:
        _set_exit_code(code)
    emit_exit()
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):
            pass
    raise SystemExit(_exit_status)


def _at_exit() -> None:
    """At interpreter exit (a plain ``python script.py``): ``'exit'``, if not yet."""
    if _exiting:
        return
    uncaught = getattr(sys, "last_value", None) is not None
    emit_exit(1 if uncaught else None)


atexit.register(_at_exit)
