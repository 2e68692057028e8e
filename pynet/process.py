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

The module itself plays the role of Node's ``process`` object: ``on``,
``once``, ``off``, ``emit`` and the other emitter methods are module-level
names bound to one :class:`pynet.events.EventEmitter`.
"""

from __future__ import annotations

import os
import signal as _signal
import sys
import threading
from collections.abc import Callable
from types import FrameType
from typing import Any

from pynet import errors
from pynet._core import loop as _loop
from pynet._core import promise as _promise
from pynet._core.calls import callback as user_callback
from pynet._core.calls import fit_args
from pynet._core.runtime import set_before_exit_hook
from pynet._js.errortext import NodeWarning, error_name, message
from pynet._js.validators import invalid_arg_type
from pynet.events import EventEmitter

__all__ = [
    "addListener",
    "connected",
    "disconnect",
    "emit",
    "emitWarning",
    "emitter",
    "eventNames",
    "listenerCount",
    "listeners",
    "nextTick",
    "off",
    "on",
    "once",
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
        self.emit("beforeExit", 0)
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


def _set_exit_code(code: int) -> None:
    globals()["exitCode"] = code


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
_promise.set_warning_hooks(emitWarning, _set_exit_code)
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
