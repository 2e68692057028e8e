"""The worker's ``cluster`` object (lib/internal/cluster/child.js).

Theory of operation
-------------------
:func:`setup_worker` runs once, when pynet is imported in a process started
by ``cluster.fork()`` (``NODE_UNIQUE_ID`` and ``NODE_CHANNEL_FD`` set): it
opens the IPC channel and gives it to ``pynet.process`` (``process.send``,
``'message'``, ``disconnect``), creates ``cluster.worker``, tells the primary
``online``, and installs the hook through which a ``net.Server`` in this
process asks the primary for its listening socket (Node's
``cluster._getServer``, called from ``listenInCluster``).

The primary answers a ``queryServer`` with either

* a descriptor (``SCHED_NONE``): a bound socket shared by every worker; it
  is wrapped in a :class:`SharedListener` that listens and accepts here, and
  tells the primary when it closes; or
* only the address (``SCHED_RR``): the server gets a
  :class:`RoundRobinListener`, a handle with no socket of its own whose
  connections arrive as ``newconn`` messages carrying a descriptor; each is
  acked (``accepted`` false once the server has closed, so the primary
  passes it to another worker).

``worker.disconnect()`` closes every such server (each waits for its
connections, as ``server.close`` does), then the channel; the process then
leaves when nothing else keeps the loop alive.  A primary that goes away
makes the worker exit at once (Node: "Unexpected disconnect").

Invariants
----------
* ``_handles`` maps a primary key to the listener of one live server.
* Every descriptor received is either given to a server or closed.
"""

from __future__ import annotations

import os
import socket
import sys
from collections.abc import Callable
from typing import Any

from pynet import process as _process
from pynet._cluster.channel import Channel, internal, send_helper
from pynet._cluster.worker import Worker
from pynet._core.loop import get_loop
from pynet._handles.base import Listener, Stream
from pynet._handles.fd import open_socket_fd
from pynet._handles.stream import StreamHandle
from pynet._net import server as _server_module
from pynet.events import EventEmitter

__all__ = ["RoundRobinListener", "SharedListener", "WorkerCluster", "setup_channel",
           "setup_worker"]

Done = Callable[[int, "Listener | None"], None]
_FAMILIES = {"IPv4": socket.AF_INET, "IPv6": socket.AF_INET6}


def _send(message: dict[str, Any], cb: Callable[..., Any] | None = None) -> Any:
    if not _process.connected:
        return False  # Node: "it is ok if the close message get lost".
    return send_helper(lambda m, fd, options, done: _process.send(m, done), message, None, cb)


def _exit(code: int) -> None:
    """``process.exit``: flush Python's buffers, then leave at once."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(code)


class RoundRobinListener:
    """A worker server's handle under ``SCHED_RR``: connections come from the primary."""

    __slots__ = ("_cluster", "_counted", "_ref", "closed", "family", "is_pipe", "key",
                 "onconnection", "sockname")

    def __init__(self, cluster: WorkerCluster, key: str, sockname: dict[str, Any] | None
                 ) -> None:
        self._cluster = cluster
        #: The primary's key for the shared address.
        self.key = key
        #: ``{address, family, port}`` of the primary's socket; ``None`` for a pipe.
        self.sockname = sockname
        #: A Unix socket path rather than TCP.
        self.is_pipe = sockname is None
        #: The address family of the primary's socket.
        self.family = _FAMILIES.get((sockname or {}).get("family", ""), socket.AF_UNIX)
        #: ``uv_connection_cb``, set by the server.
        self.onconnection: Callable[[Exception | None, Stream | None], None] | None = None
        #: ``close`` has been called.
        self.closed = False
        self._ref = False
        self._counted = False
        self.ref()  # Node's fake handle keeps the worker alive, as a listening socket would.

    def fileno(self) -> int:
        """No descriptor of its own."""
        return -1

    def listen(self, backlog: int) -> int:
        """The primary already listens."""
        return 0

    def getsockname(self) -> Any:
        """The primary's socket name."""
        if self.sockname is None:
            return ""
        return (self.sockname["address"], self.sockname["port"])

    def ref(self) -> None:
        """Keep the loop alive while open."""
        self._ref = True
        self._update()

    def unref(self) -> None:
        """Do not keep the loop alive."""
        self._ref = False
        self._update()

    def has_ref(self) -> bool:
        """``uv_has_ref``."""
        return self._ref

    def _update(self) -> None:
        want = self._ref and not self.closed
        if want != self._counted:
            self._counted = want
            if want:
                get_loop().add_ref()
            else:
                get_loop().remove_ref()

    def close(self, cb: Callable[[], None] | None) -> None:
        """Tell the primary; connections it still sends are refused (acked false)."""
        if self.closed:
            return
        self.closed = True
        self._update()
        self._cluster.forget(self.key)
        _send({"act": "close", "key": self.key})
        if cb is not None:
            get_loop().call_close(cb)


class SharedListener:
    """A worker server's handle under ``SCHED_NONE``: the shared socket, accepted on here."""

    __slots__ = ("_cluster", "_handle", "key")

    def __init__(self, cluster: WorkerCluster, key: str, handle: StreamHandle) -> None:
        self._cluster = cluster
        self._handle = handle
        #: The primary's key for the shared address.
        self.key = key

    @property
    def onconnection(self) -> Callable[[Exception | None, Stream | None], None] | None:
        """``uv_connection_cb`` of the shared socket."""
        return self._handle.onconnection

    @onconnection.setter
    def onconnection(self, value: Callable[[Exception | None, Stream | None], None] | None
                     ) -> None:
        self._handle.onconnection = value

    @property
    def closed(self) -> bool:
        """``close`` has been called."""
        return self._handle.closed

    @property
    def is_pipe(self) -> bool:
        """A Unix socket rather than TCP."""
        return self._handle.is_pipe

    @property
    def family(self) -> int:
        """The socket's address family."""
        return self._handle.family

    def fileno(self) -> int:
        """The shared socket's descriptor (this process's copy)."""
        return self._handle.fileno()

    def listen(self, backlog: int) -> int:
        """``uv_listen`` on the shared socket."""
        return self._handle.listen(backlog)

    def getsockname(self) -> Any:
        """The shared socket's name."""
        return self._handle.getsockname()

    def ref(self) -> None:
        """``uv_ref``."""
        self._handle.ref()

    def unref(self) -> None:
        """``uv_unref``."""
        self._handle.unref()

    def has_ref(self) -> bool:
        """``uv_has_ref``."""
        return self._handle.has_ref()

    def close(self, cb: Callable[[], None] | None) -> None:
        """Tell the primary, then close this process's copy."""
        if not self._handle.closed:
            self._cluster.forget(self.key)
            _send({"act": "close", "key": self.key})
        self._handle.close(cb)


class WorkerCluster(EventEmitter):
    """Node's ``cluster`` in a worker: ``worker``, and the servers' link to the primary."""

    def __init__(self, worker_id: int) -> None:
        super().__init__()
        self.worker = Worker(worker_id, _process, state="online", destroy=self._destroy,
                             disconnect=self._disconnect_worker)
        self._handles: dict[str, tuple[Listener, Any]] = {}
        self._indexes: dict[str, int] = {}
        _process.once("disconnect", self._on_disconnect)
        _process.on("internalMessage", internal(self.worker, self._onmessage))
        _send({"act": "online"})

    def forget(self, key: str) -> None:
        """A server closed its listener."""
        self._handles.pop(key, None)

    def _on_disconnect(self) -> None:
        self.worker.emit("disconnect")
        if not self.worker.exitedAfterDisconnect:
            _exit(0)  # Unexpected disconnect: the primary went away.

    def _onmessage(self, worker: Worker, message: dict[str, Any], fd: int | None) -> None:
        act = message.get("act")
        if act == "newconn":
            self._on_connection(message, fd)
        elif act == "disconnect":
            self._disconnect(True)
        elif fd is not None:
            os.close(fd)

    def _on_connection(self, message: dict[str, Any], fd: int | None) -> None:
        entry = self._handles.get(message.get("key", ""))
        accepted = entry is not None and fd is not None
        _send({"ack": message.get("seq"), "accepted": accepted})
        if entry is None or fd is None:
            if fd is not None:
                os.close(fd)
            return
        listener = entry[0]
        handle = open_socket_fd(get_loop(), fd)
        if listener.onconnection is not None:
            listener.onconnection(None, handle)
        else:  # pragma: no cover - a server always sets it
            handle.close(None)

    # -- servers ------------------------------------------------------------------

    def get_server(self, server: Any, options: dict[str, Any], cb: Done) -> None:
        """Node's ``cluster._getServer``: ask the primary for ``server``'s listening socket."""
        address = options.get("address")
        if isinstance(options.get("port"), int) and options["port"] < 0 and \
                isinstance(address, str) and not address.startswith("\0"):
            address = os.path.abspath(address)
        indexes_key = ":".join(str(options.get(k)) if options.get(k) is not None else ""
                               for k in ("address", "port", "addressType", "fd"))
        index = self._indexes.get(indexes_key, 0)
        self._indexes[indexes_key] = index + 1
        message = {"act": "queryServer", "index": index, "data": None, **options,
                   "address": address}

        def on_reply(reply: dict[str, Any], fd: int | None) -> None:
            if fd is not None:
                self._shared(reply, fd, server, int(options.get("backlog") or 511), cb)
            else:
                self._rr(reply, server, cb)

        _send(message, on_reply)

        def on_listening() -> None:
            self.worker.state = "listening"
            info = server.address()
            port = info.get("port") if isinstance(info, dict) else None
            _send({**message, "act": "listening", "port": port or options.get("port")})

        server.once("listening", on_listening)

    def _shared(self, reply: dict[str, Any], fd: int, server: Any, backlog: int, cb: Done
                ) -> None:
        key = reply["key"]
        handle = open_socket_fd(get_loop(), fd)
        listener = SharedListener(self, key, handle)
        code = int(reply.get("errno") or 0) or handle.listen(backlog)
        if code:
            handle.close(None)
            _send({"act": "close", "key": key})
            cb(code, None)
            return
        self._handles[key] = (listener, server)
        cb(0, listener)

    def _rr(self, reply: dict[str, Any], server: Any, cb: Done) -> None:
        if reply.get("errno"):
            cb(int(reply["errno"]), None)
            return
        key = reply["key"]
        listener = RoundRobinListener(self, key, reply.get("sockname"))
        self._handles[key] = (listener, server)
        cb(0, listener)

    # -- leaving ------------------------------------------------------------------

    def _disconnect(self, primary_initiated: bool) -> None:
        self.worker.exitedAfterDisconnect = True
        waiting = [1]

        def check() -> None:
            waiting[0] -= 1
            if waiting[0] == 0:
                if primary_initiated:
                    _process.disconnect()
                else:
                    _send({"act": "exitedAfterDisconnect"},
                          lambda *a: _process.disconnect())

        for _listener, server in list(self._handles.values()):
            waiting[0] += 1
            server.close(lambda *a: check())
        self._handles.clear()
        check()

    def _disconnect_worker(self, worker: Worker) -> None:
        if worker.state not in ("disconnecting", "destroying"):
            worker.state = "disconnecting"
            self._disconnect(False)

    def _destroy(self, worker: Worker, signal: Any) -> None:
        if worker.state == "destroying":
            return
        worker.exitedAfterDisconnect = True
        if not _process.connected:
            _exit(0)
        worker.state = "destroying"
        _send({"act": "exitedAfterDisconnect"}, lambda *a: _process.disconnect())
        _process.once("disconnect", lambda: _exit(0))


def setup_channel() -> None:
    """Node's ``setupChildProcessIpcChannel``: open ``NODE_CHANNEL_FD`` for ``process``."""
    fd = int(os.environ.pop("NODE_CHANNEL_FD"))
    os.environ.pop("NODE_CHANNEL_SERIALIZATION_MODE", None)
    sock = socket.socket(fileno=fd)
    _process.set_ipc_channel(Channel(get_loop(), sock, _process.emitter.emit))


def setup_worker() -> WorkerCluster:
    """Node's ``cluster._setupWorker``: this process is worker ``NODE_UNIQUE_ID``."""
    if "NODE_CHANNEL_FD" in os.environ:
        setup_channel()
    worker_id = int(os.environ.pop("NODE_UNIQUE_ID", "0") or 0)
    cluster = WorkerCluster(worker_id)
    _server_module.set_cluster_hook(cluster.get_server)
    return cluster
