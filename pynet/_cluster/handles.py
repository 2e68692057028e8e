"""The primary's listening sockets for its workers (Node's round_robin_handle.js, shared_handle.js).

Theory of operation
-------------------
A worker's ``server.listen()`` asks the primary for a listening socket
(``queryServer``); the primary keeps one handle per address and index and
adds the worker to it:

* :class:`RoundRobinHandle` (``SCHED_RR``): the primary listens and accepts
  every connection itself, then hands it to a free worker as a descriptor
  (``{act: 'newconn'}`` with ``SCM_RIGHTS``).  A worker is busy from the
  handoff until it acks; the connection waits in a queue meanwhile, and one a
  worker refuses (its server closed) goes back to the queue.  The primary's
  copy of the descriptor is closed once a worker has accepted it.
* :class:`SharedHandle` (``SCHED_NONE``): the primary binds a socket (no
  ``listen``) and sends the same descriptor to every worker, which listens
  and accepts on it: the kernel chooses who gets each connection.

Both reply through ``send(errno, reply, fd)``; an errno (positive, Python's)
means the bind or listen failed.  :meth:`remove` drops a worker and closes
the handle when it was the last one (``True``).

Invariants
----------
* A worker is in ``free`` only while no connection waits in ``handles``.
* Every accepted descriptor is either queued, in flight to exactly one
  worker (``in_flight``, until its ack), or closed; one in flight to a worker
  that goes away is closed, not re-sent.
"""

from __future__ import annotations

import errno as _errno
import socket
from collections import deque
from collections.abc import Callable
from typing import Any

from pynet._cluster.channel import send_helper
from pynet._cluster.worker import Worker
from pynet._core.loop import get_loop
from pynet._handles.base import Listener, Stream
from pynet._handles.fd import open_socket_fd
from pynet._handles.pipe import pipe_listen
from pynet._handles.tcp import tcp_listen

__all__ = ["RoundRobinHandle", "SharedHandle"]

Reply = Callable[[int, "dict[str, Any] | None", "int | None"], None]
_FAMILY_NAME = {socket.AF_INET: "IPv4", socket.AF_INET6: "IPv6"}


def _listen(address: Any, port: Any, fd: Any, backlog: int, ipv6_only: bool,
            reuse_port: bool) -> Listener | int:
    """Node's ``server.listen`` on the primary: a listening handle, or an errno."""
    loop = get_loop()
    if isinstance(fd, int) and fd >= 0:
        handle = open_socket_fd(loop, fd)
        code = handle.listen(backlog)
        return code or handle
    if isinstance(port, int) and port < 0:  # A pipe: Node sends port -1.
        return pipe_listen(loop, address, backlog)
    if not address:
        result = tcp_listen(loop, "::", port, socket.AF_INET6, backlog, ipv6_only, reuse_port)
        if isinstance(result, int) and result != _errno.EADDRINUSE:
            result = tcp_listen(loop, "0.0.0.0", port, socket.AF_INET, backlog, False,
                                reuse_port)
        return result
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    return tcp_listen(loop, address, port, family, backlog, ipv6_only, reuse_port)


def _sockname(handle: Listener) -> dict[str, Any] | None:
    if handle.is_pipe:
        return None
    name = handle.getsockname()
    family = _FAMILY_NAME.get(socket.AddressFamily(handle.family), "IPv4")
    return {"address": name[0], "family": family, "port": name[1]}


class RoundRobinHandle:
    """``SCHED_RR``: the primary accepts, then passes each connection to a free worker."""

    def __init__(self, key: str, address: Any, message: dict[str, Any]) -> None:
        self.key = key
        self.data: Any = None
        self.all: dict[int, Worker] = {}
        self.free: dict[int, Worker] = {}
        self.handles: deque[Stream] = deque()
        self.in_flight: dict[int, Stream] = {}  # worker id -> connection awaiting its ack
        result = _listen(address, message.get("port"), message.get("fd"),
                         int(message.get("backlog") or 511), bool(message.get("ipv6Only")),
                         bool(message.get("reusePort")))
        self.errno = result if isinstance(result, int) else 0
        self.handle: Listener | None = None if isinstance(result, int) else result
        if self.handle is not None:
            self.handle.onconnection = self.distribute

    def add(self, worker: Worker, send: Reply) -> None:
        """Add ``worker``; ``send`` the listening result (a tick later, as Node does)."""
        assert worker.id not in self.all, "Worker is already added"
        self.all[worker.id] = worker

        def done() -> None:
            if self.errno:
                send(self.errno, None, None)
                return
            if self.handle is None:  # Closed meanwhile (every worker left).
                return
            send(0, {"sockname": _sockname(self.handle)}, None)
            self.handoff(worker)

        get_loop().next_tick(done)

    def remove(self, worker: Worker) -> bool:
        """Drop ``worker``; close everything when it was the last one."""
        if worker.id not in self.all:
            return False
        del self.all[worker.id]
        self.free.pop(worker.id, None)
        lost = self.in_flight.pop(worker.id, None)
        if lost is not None:
            lost.close(None)  # Never acked: the worker may have read from it; not re-sent.
        if self.all:
            return False
        while self.handles:
            self.handles.popleft().close(None)
        if self.handle is not None:
            self.handle.close(None)
            self.handle = None
        return True

    def distribute(self, err: Exception | None, handle: Stream | None) -> None:
        """A new connection: queue it and wake a free worker (Node's ``distribute``)."""
        if err is not None or handle is None:
            return  # Node: an accept that fails is skipped.
        self.handles.append(handle)
        self._wake()

    def _wake(self) -> None:
        """Hand queued connections to free workers, skipping any that is going away."""
        while self.handles and self.free:
            worker_id = next(iter(self.free))
            worker = self.free.pop(worker_id)
            if worker.isConnected():
                self.handoff(worker)

    def handoff(self, worker: Worker) -> None:
        """Send the oldest queued connection to ``worker``, or mark it free."""
        if worker.id not in self.all:
            return  # Worker is closing (or has closed) the server.
        if not self.handles:
            self.free[worker.id] = worker  # Add to ready queue again.
            return
        if not worker.isConnected():
            # Going away (its 'disconnect' will remove it): another worker takes it.
            self._wake()
            return
        handle = self.handles.popleft()

        def on_ack(reply: dict[str, Any], fd: Any = None) -> None:
            if self.in_flight.pop(worker.id, None) is None:
                return  # The worker was removed meanwhile; the connection is closed.
            if reply.get("accepted"):
                handle.close(None)
            else:
                self.distribute(None, handle)  # Worker is shutting down: send to another.
            self.handoff(worker)

        self.in_flight[worker.id] = handle
        send_helper(worker.process.send, {"act": "newconn", "key": self.key}, handle.fileno(),
                    on_ack)


class SharedHandle:
    """``SCHED_NONE``: one bound socket, sent to every worker, which all accept on it."""

    def __init__(self, key: str, address: Any, message: dict[str, Any]) -> None:
        self.key = key
        self.data: Any = None
        self.workers: dict[int, Worker] = {}
        self.errno = 0
        self.sock: socket.socket | None = None
        port, fd = message.get("port"), message.get("fd")
        try:
            if isinstance(fd, int) and fd >= 0:
                self.sock = socket.socket(fileno=fd)
            elif isinstance(port, int) and port < 0:
                self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                self.sock.bind(address)
            else:
                self.sock = self._bind_tcp(address, port, bool(message.get("ipv6Only")))
        except OSError as exc:
            if self.sock is not None:
                self.sock.close()
                self.sock = None
            self.errno = exc.errno or _errno.EINVAL

    @staticmethod
    def _bind_tcp(address: Any, port: Any, ipv6_only: bool) -> socket.socket:
        """Node's ``createServerHandle``: bind, without listening."""
        candidates = ([(address, socket.AF_INET6 if ":" in address else socket.AF_INET)]
                      if address else [("::", socket.AF_INET6), ("0.0.0.0", socket.AF_INET)])
        for index, (host, family) in enumerate(candidates):
            sock = socket.socket(family, socket.SOCK_STREAM)
            try:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                if family == socket.AF_INET6:
                    sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, int(ipv6_only))
                sock.bind((host, port))
                return sock
            except OSError as exc:
                sock.close()
                if index + 1 == len(candidates) or exc.errno == _errno.EADDRINUSE:
                    raise
        raise AssertionError("unreachable")  # pragma: no cover

    def add(self, worker: Worker, send: Reply) -> None:
        """Add ``worker`` and send it the descriptor (or the errno)."""
        assert worker.id not in self.workers
        self.workers[worker.id] = worker
        send(self.errno, None, None if self.sock is None else self.sock.fileno())

    def remove(self, worker: Worker) -> bool:
        """Drop ``worker``; close the socket when it was the last one."""
        if worker.id not in self.workers:
            return False
        del self.workers[worker.id]
        if self.workers:
            return False
        if self.sock is not None:
            self.sock.close()
            self.sock = None
        return True
