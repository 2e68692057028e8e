"""The IPC channel between a primary and a worker (Node's ``setupChannel``).

Theory of operation
-------------------
A :class:`Channel` sits on an :class:`~pynet._handles.ipc.IpcPipe` and gives
its *target* (the worker's :class:`~pynet._cluster.child_process.ChildProcess`
in the primary, the ``process`` module in a worker) Node's IPC surface:
``send(message[, fd][, callback])``, ``disconnect()``, ``connected``, and the
events ``'message'``, ``'internalMessage'`` and ``'disconnect'`` emitted
through the target's ``emit``.

Wire format: Node's ``'json'`` serialization, one ``JSON.stringify`` text and
a newline per message.  A message that carries a descriptor is wrapped as
``{"cmd": "NODE_HANDLE", "msg": message}`` and the descriptor rides on the
first byte of that line (``SCM_RIGHTS``); the receiver takes one queued
descriptor per ``NODE_HANDLE`` line.  A message whose ``cmd`` starts with
``NODE_`` is internal (``'internalMessage'``); everything else is the user's
(``'message'``).  As in Node, each message is emitted on its own tick.

:func:`send_helper` and :func:`internal` are cluster's ``utils.js``: internal
messages get ``cmd: 'NODE_CLUSTER'`` and a sequence number; a reply carrying
``ack: seq`` goes to the callback registered for that number.

Invariants
----------
* After ``disconnect()`` (or the peer's EOF) ``connected`` is false at once,
  nothing more is emitted but ``'disconnect'`` (once, on a later tick), and
  the pipe closes after the writes already queued have gone out.
* A descriptor received and never claimed is closed with the pipe.

Node reference: ``setupChannel``, ``target.send``/``_send``,
``target.disconnect``/``_disconnect``, ``handleMessage``, ``isInternal``
(lib/internal/child_process.js); ``sendHelper``, ``internal``
(lib/internal/cluster/utils.js).
"""

from __future__ import annotations

import json
import socket
from collections.abc import Callable
from typing import Any

from pynet import errors
from pynet._core.loop import Loop
from pynet._handles.ipc import IpcPipe
from pynet._js.validators import invalid_arg_type

__all__ = ["Channel", "internal", "send_helper"]

#: Node's ``kChannelHandle`` high-water mark for ``send()``'s return value.
_SEND_HWM = 65536 * 2


def _is_internal(message: Any) -> bool:
    cmd = message.get("cmd") if isinstance(message, dict) else None
    return isinstance(cmd, str) and len(cmd) > len("NODE_") and cmd.startswith("NODE_")


class Channel:
    """Node's IPC channel on one end of a socketpair; events go to ``emit``."""

    __slots__ = ("_buffer", "_emit", "_loop", "_pipe", "connected")

    def __init__(self, loop: Loop, sock: socket.socket, emit: Callable[..., Any]) -> None:
        self._loop = loop
        self._emit = emit
        self._buffer = b""
        self._pipe = IpcPipe(loop, sock)
        self._pipe.onread = self._on_read
        self._pipe.read_start()
        #: Whether messages can still be sent and received.
        self.connected = True

    def send(self, message: Any, fd: int | None = None,
             callback: Callable[..., Any] | None = None) -> bool:
        """``target.send``: queue one message (and a descriptor, borrowed until it is sent)."""
        if callback is not None and not callable(callback):
            raise invalid_arg_type("callback", "function", callback)
        if not self.connected:
            err = errors.ERR_IPC_CHANNEL_CLOSED()
            if callback is not None:
                self._loop.next_tick(callback, err)
            else:
                self._loop.next_tick(self._emit, "error", err)
            return False
        if fd is not None:
            message = {"cmd": "NODE_HANDLE", "msg": message}
        line = json.dumps(message, separators=(",", ":"), allow_nan=False).encode() + b"\n"

        def on_written(err: Exception | None) -> None:
            if callback is not None:
                callback(err)
            elif err is not None and self.connected:
                self._emit("error", err)

        self._pipe.write(line, fd, on_written)
        return self._pipe.write_queue_size < _SEND_HWM

    def disconnect(self) -> None:
        """``target.disconnect``: stop now; close once queued writes are out."""
        if not self.connected:
            self._emit("error", errors.ERR_IPC_DISCONNECTED())
            return
        self._shut()

    def _shut(self) -> None:
        self.connected = False
        self._pipe.read_stop()
        # An empty write is a barrier: it completes after the queued ones.
        self._pipe.write(b"", None, lambda err: self._pipe.close(self._emit_disconnect))

    def _emit_disconnect(self) -> None:
        self._loop.next_tick(self._emit, "disconnect")

    def ref(self) -> None:
        """Let the channel keep the loop alive (the default)."""
        self._pipe.ref()

    def unref(self) -> None:
        """Do not let the channel keep the loop alive."""
        self._pipe.unref()

    def _on_read(self, data: bytes | None, err: Exception | None) -> None:
        if data is None:  # EOF or an error: the peer is gone (Node: target.disconnect()).
            if self.connected:
                self._shut()
            return
        self._buffer += data
        *lines, self._buffer = self._buffer.split(b"\n")
        for line in lines:
            if not self.connected:
                return
            if not line:
                continue
            message = json.loads(line)
            fd: int | None = None
            if isinstance(message, dict) and message.get("cmd") == "NODE_HANDLE":
                fd = self._pipe.take_fd()
                message = message.get("msg")
            event = "internalMessage" if _is_internal(message) else "message"
            self._loop.next_tick(self._emit_message, event, message, fd)

    def _emit_message(self, event: str, message: Any, fd: int | None) -> None:
        self._emit(event, message, fd)


# -- cluster/utils.js -------------------------------------------------------------

_callbacks: dict[int, Callable[..., Any]] = {}
_seq = 0


def _ignore(err: Exception | None) -> None:
    """The write callback of internal messages: a failure is not an ``'error'`` event."""


def send_helper(send: Callable[..., Any], message: dict[str, Any], fd: int | None = None,
                cb: Callable[..., Any] | None = None) -> Any:
    """Node's ``sendHelper``: an internal cluster message; ``cb(reply, fd)`` on its ack.

    ``send(message, fd, callback)`` is the target's send.  Internal messages
    pass a callback that ignores failures.
    """
    # Discussion: Node sends these without a callback, so one sent to a worker
    # whose channel has just closed (a race with its 'disconnect') is emitted as
    # an 'error' that nobody listens to and crashes the primary.  The worker's
    # handles are removed on 'disconnect' anyway; the message is moot.
    global _seq
    message = {"cmd": "NODE_CLUSTER", **message, "seq": _seq}
    if cb is not None:
        _callbacks[_seq] = cb
    _seq += 1
    return send(message, fd, None, _ignore)


def internal(target: Any, cb: Callable[[Any, dict[str, Any], int | None], None]
             ) -> Callable[[Any, Any], None]:
    """Node's ``internal``: route a ``NODE_CLUSTER`` message to its ack callback or ``cb``."""
    def on_internal_message(message: Any, fd: Any = None) -> None:
        if not isinstance(message, dict) or message.get("cmd") != "NODE_CLUSTER":
            return
        ack = message.get("ack")
        if ack is not None and ack in _callbacks:
            _callbacks.pop(ack)(message, fd)
            return
        cb(target, message, fd)

    return on_internal_message
