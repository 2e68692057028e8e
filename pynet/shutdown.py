"""Graceful shutdown for pynet servers (pynet's own module; Node has no twin).

The pattern every daemon behind a load balancer or systemd needs: on
``SIGTERM``/``SIGINT``, stop accepting, end the connections that are idle,
let the busy ones finish their reply, and after a deadline destroy what is
left and exit with code 0::

    from pynet import net, run, shutdown

    server = net.createServer(on_connection)
    shutdown.gracefulShutdown(server, timeout=10000)   # before listen()
    server.listen(8000)
    run()

Theory of operation
-------------------
:class:`GracefulShutdown` watches each server's ``'connection'`` events and
keeps the live sockets.  On the first signal (or :meth:`~GracefulShutdown.shutdown`)
it emits ``'shutdown'``, closes the servers (no new connections; a cluster
worker's server also leaves the primary's rotation), and from then on ends
(``socket.end()``: FIN after everything queued is written) each connection as
soon as it is idle.  When the last connection has closed it emits ``'done'``
with ``(forced)`` (the number destroyed at the deadline) and, with ``exitProcess``
(the default), raises ``SystemExit(0)`` out of :func:`pynet.run`.  At the
deadline (``timeout`` ms) what is left is destroyed; a second signal does the
same at once.

*Idle* is decided in this order:

1. a connection on which the program called :meth:`~GracefulShutdown.request`
   is idle when every ``done()`` it got back has been called (the precise
   way: a reply written in several steps, or after slow work, is never cut);
2. else ``isIdle(socket)`` when given;
3. else the default rule for one-write-per-request protocols: nothing left to
   write (``writableLength == 0``) and something written since the last data
   received, or nothing ever received.  A reply written in several pieces
   over time needs rule 1.

Invariants
----------
* Nothing is cut while in flight: a socket is ended only when idle, and
  ``end()`` itself flushes what is queued.  Only the deadline destroys.
* Signal listeners are removed once done (they never keep the loop alive).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from pynet import process
from pynet._js.call import js_caller
from pynet._net.server import Server
from pynet._net.socket import Socket
from pynet.events import EventEmitter
from pynet.timers import Timeout, clearInterval, clearTimeout, setInterval, setTimeout

__all__ = ["DEFAULT_TIMEOUT_MS", "GracefulShutdown", "gracefulShutdown"]

#: How long busy connections get to finish (milliseconds).
DEFAULT_TIMEOUT_MS = 10000
_CHECK_MS = 10


class GracefulShutdown(EventEmitter):
    """Stops ``servers`` gracefully on a signal.

    Events: ``'shutdown'`` (it starts), ``'done'`` ``(forced)`` (every
    connection is gone; ``forced`` of them were destroyed at the deadline).
    """

    def __init__(self, servers: Server | Iterable[Server], *, timeout: float = DEFAULT_TIMEOUT_MS,
                 signals: Iterable[str] = ("SIGTERM", "SIGINT"),
                 isIdle: Callable[[Socket], bool] | None = None, exitProcess: bool = True) -> None:
        super().__init__()
        #: The servers this shuts down.
        self.servers: list[Server] = [servers] if isinstance(servers, Server) else list(servers)
        #: Milliseconds the busy connections get once shutdown starts.
        self.timeout = timeout
        #: Whether shutdown has started.
        self.shuttingDown = False
        self._exit = exitProcess
        self._is_idle = js_caller(isIdle) if isIdle is not None else self._default_idle
        self._signals = list(signals)
        self._sockets: dict[Socket, int] = {}  # socket -> bytesWritten at its last 'data'
        self._requests: dict[Socket, int] = {}  # socket -> requests in flight (request())
        self._servers_open = 0
        self._timer: Timeout | None = None
        self._poll: Timeout | None = None
        self._forced = 0
        for server in self.servers:
            server.on("connection", self._track)
        for name in self._signals:
            process.on(name, self._on_signal)

    @property
    def connections(self) -> list[Socket]:
        """The live connections of the servers."""
        return list(self._sockets)

    def _track(self, sock: Socket) -> None:
        self._sockets[sock] = -1

        def on_data(chunk: Any) -> None:
            self._sockets[sock] = sock.bytesWritten or 0

        def on_close() -> None:
            self._sockets.pop(sock, None)
            self._requests.pop(sock, None)
            if self.shuttingDown:
                self._maybe_done()

        sock.prependListener("data", on_data)
        sock.once("close", on_close)
        if self.shuttingDown:  # Accepted in the same turn the servers closed.
            self._end_idle()

    @staticmethod
    def _default_idle_for(sock: Socket, written_at_data: int) -> bool:
        if sock.writableLength:
            return False
        return written_at_data < 0 or (sock.bytesWritten or 0) > written_at_data

    def _default_idle(self, sock: Socket) -> bool:
        return self._default_idle_for(sock, self._sockets.get(sock, -1))

    def request(self, sock: Socket) -> Callable[[], None]:
        """Mark a request in flight on ``sock``; call the returned ``done()`` once answered.

        While any is open, shutdown waits for it (up to the deadline).
        """
        self._requests[sock] = self._requests.get(sock, 0) + 1
        finished = [False]

        def done() -> None:
            if finished[0]:
                return
            finished[0] = True
            if sock in self._requests:
                self._requests[sock] -= 1
            if self.shuttingDown:
                self._end_idle()

        return done

    def _idle(self, sock: Socket) -> bool:
        if sock in self._requests:
            return self._requests[sock] == 0
        return self._is_idle(sock)

    def _on_signal(self, name: str) -> None:
        if self.shuttingDown:
            self._force()
        else:
            self.shutdown()

    def shutdown(self) -> None:
        """Start now: close the servers, end idle connections, arm the deadline."""
        if self.shuttingDown:
            return
        self.shuttingDown = True
        self.emit("shutdown")
        self._servers_open = 0
        for server in self.servers:
            if server.listening:
                self._servers_open += 1
                server.close(self._on_server_closed)
        self._timer = setTimeout(self._force, self.timeout)
        self._poll = setInterval(self._end_idle, _CHECK_MS)
        self._end_idle()
        self._maybe_done()

    def _on_server_closed(self, *args: Any) -> None:
        self._servers_open -= 1
        self._maybe_done()

    def _end_idle(self) -> None:
        for sock in list(self._sockets):
            if not sock.writableEnded and not sock.destroyed and self._idle(sock):
                sock.end()

    def _force(self) -> None:
        for sock in list(self._sockets):
            if not sock.destroyed:
                self._forced += 1
                sock.destroy()
        self._maybe_done()

    def _maybe_done(self) -> None:
        if self._sockets or self._servers_open > 0 or not self.shuttingDown:
            return
        if self._timer is None:  # Already done.
            return
        clearTimeout(self._timer)
        self._timer = None
        if self._poll is not None:
            clearInterval(self._poll)
            self._poll = None
        self.close()
        self.emit("done", self._forced)
        if self._exit:
            raise SystemExit(0)

    def close(self) -> None:
        """Stop listening for signals (done by itself once shutdown completes)."""
        for name in self._signals:
            process.removeListener(name, self._on_signal)
        self._signals = []


def gracefulShutdown(servers: Server | Iterable[Server], *, timeout: float = DEFAULT_TIMEOUT_MS,
                     signals: Iterable[str] = ("SIGTERM", "SIGINT"),
                     isIdle: Callable[[Socket], bool] | None = None,
                     exitProcess: bool = True) -> GracefulShutdown:
    """Shut ``servers`` down gracefully on ``signals``; see the module's docstring."""
    return GracefulShutdown(servers, timeout=timeout, signals=signals, isIdle=isIdle,
                            exitProcess=exitProcess)
