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

import signal as _signal
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
from pynet._js.validators import invalid_arg_type
from pynet.events import EventEmitter

__all__ = [
    "addListener",
    "connected",
    "disconnect",
    "emit",
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
        self._signal_saved: dict[int, Any] = {}
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
        self._signal_saved[signum] = _signal.signal(signum, self._on_signal)

    def _on_remove_listener(self, event: str, listener: Any) -> None:
        signum = _signal_number(event)
        if signum is None or signum not in self._signal_saved or self.listenerCount(event):
            return
        if threading.current_thread() is threading.main_thread():
            _signal.signal(signum, self._signal_saved.pop(signum))

    def _on_signal(self, signum: int, frame: FrameType | None) -> None:
        # Runs between two bytecodes of the main thread: only queue the event.
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
