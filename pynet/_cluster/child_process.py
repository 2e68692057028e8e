"""A worker's process as the primary sees it (the parts of Node's ``ChildProcess`` cluster uses).

Theory of operation
-------------------
:func:`fork` is ``child_process.fork`` for Python: it makes a Unix
socketpair, starts ``python [execArgv] exec [args]`` with one end inherited
and its number in ``NODE_CHANNEL_FD`` (Node's variable), and wraps the other
end in a :class:`~pynet._cluster.channel.Channel`.  The process's exit is
watched through a pidfd on the loop (libuv watches ``SIGCHLD``): no thread,
no polling.  While the process runs it holds a loop ref, as Node's
``Process`` handle does.

Events: ``'message'`` and ``'internalMessage'`` (from the channel),
``'disconnect'`` (the channel closed), ``'exit'`` with ``(code, signal)``:
``code`` is the exit status or ``None``, ``signal`` the signal's name
(``'SIGTERM'``) or ``None``.  ``'exit'`` always follows ``'disconnect'``: a
process that dies with its channel open is reported once everything it wrote
to the channel has been read.

Invariants
----------
* The pidfd and the parent's channel end are closed by the time ``'exit'``
  is emitted; the child's end is closed in the parent right after the spawn.

Node reference: ``fork``, ``ChildProcess`` (``spawn``, ``kill``, ``onexit``),
``setupChannel`` (lib/child_process.js, lib/internal/child_process.js);
libuv ``uv_spawn``, ``uv__wait_children``.
"""

from __future__ import annotations

import os
import signal as _signal
import socket
import subprocess
from collections.abc import Callable
from typing import Any

from pynet import errors
from pynet._cluster.channel import Channel
from pynet._core.calls import callback as user_callback
from pynet._core.loop import get_loop
from pynet._js.validators import invalid_arg_type
from pynet.events import EventEmitter

__all__ = ["ChildProcess", "fork"]


class ChildProcess(EventEmitter):
    """A worker process started by :func:`fork`: ``pid``, ``send``, ``kill``, ``'exit'``."""

    def __init__(self, argv: list[str], env: dict[str, str], cwd: str | None = None,
                 silent: bool = False) -> None:
        super().__init__()
        self._loop = get_loop()
        parent, child = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        env = {**env, "NODE_CHANNEL_FD": str(child.fileno()),
               "NODE_CHANNEL_SERIALIZATION_MODE": "json"}
        out = subprocess.DEVNULL if silent else None
        try:
            self._popen = subprocess.Popen(argv, env=env, cwd=cwd, pass_fds=(child.fileno(),),
                                           stdin=subprocess.DEVNULL, stdout=out, stderr=out)
        except BaseException:
            parent.close()
            raise
        finally:
            child.close()
        #: The process id.
        self.pid: int = self._popen.pid
        #: The exit status once it has exited normally, else ``None``.
        self.exitCode: int | None = None
        #: The name of the signal that ended it (``'SIGTERM'``), else ``None``.
        self.signalCode: str | None = None
        #: Whether :meth:`kill` delivered a signal.
        self.killed = False
        #: The argument list it was started with.
        self.spawnargs = argv
        self._channel = Channel(self._loop, parent, self.emit)
        self._disconnected = False
        self.prependListener("disconnect", self._on_disconnect)
        self._pidfd = os.pidfd_open(self.pid)
        self._loop.watch_read(self._pidfd, self._on_exit)
        self._loop.add_ref()

    @property
    def connected(self) -> bool:
        """Whether the IPC channel is open."""
        return self._channel.connected

    def send(self, message: Any, sendHandle: Any = None, options: Any = None,
             callback: Callable[..., Any] | None = None) -> bool:
        """Send one JSON-serialisable message to the process (``subprocess.send``).

        ``(message[, callback])``; ``callback(err)`` runs once it is written.
        A ``sendHandle`` (Node's sockets and servers) is not supported
        (``ERR_INVALID_HANDLE_TYPE``); cluster passes descriptors as ``int``.
        """
        handle = sendHandle
        if callable(handle):
            callback, handle = handle, None
        elif callable(options):
            callback = options
        if message is None:
            raise errors.ERR_MISSING_ARGS('The "message" argument must be specified')
        if handle is not None and (not isinstance(handle, int) or isinstance(handle, bool)):
            raise errors.ERR_INVALID_HANDLE_TYPE()
        if callback is not None:
            if not callable(callback):
                raise invalid_arg_type("callback", "function", callback)
            callback = user_callback(callback)
        return self._channel.send(message, handle, callback)

    def disconnect(self) -> None:
        """Close the IPC channel; ``'disconnect'`` follows."""
        self._channel.disconnect()

    def kill(self, signal: str | int = "SIGTERM") -> bool:
        """Send ``signal`` (a name or a number); ``False`` once the process has exited."""
        signum = signal if isinstance(signal, int) else _signal.Signals[signal].value
        if self.exitCode is not None or self.signalCode is not None:
            return False
        try:
            os.kill(self.pid, signum)
        except ProcessLookupError:
            return False
        self.killed = True
        return True

    def _on_exit(self) -> None:
        self._loop.unwatch(self._pidfd)
        os.close(self._pidfd)
        status = self._popen.wait()
        self._loop.remove_ref()
        if status < 0:
            self.signalCode = _signal.Signals(-status).name
        else:
            self.exitCode = status
        if not self._disconnected:  # 'exit' follows 'disconnect', as in Node.
            self.once("disconnect", self._emit_exit)
        else:
            self._loop.next_tick(self._emit_exit)

    def _on_disconnect(self) -> None:
        self._disconnected = True

    def _emit_exit(self) -> None:
        self.emit("exit", self.exitCode, self.signalCode)


def fork(argv: list[str], env: dict[str, str], cwd: str | None = None,
         silent: bool = False) -> ChildProcess:
    """``child_process.fork``: start ``argv`` with an IPC channel."""
    return ChildProcess(argv, env, cwd, silent)
