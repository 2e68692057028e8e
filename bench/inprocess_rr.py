"""rr100 in one process, for counting instructions per request with callgrind.

    python bench/inprocess_rr.py MODE N      # MODE: pipe | data | async | asyncio | streams | raw

100 loopback TCP clients (plain non-blocking sockets) each send 64 bytes per
round; the server then runs non-blocking loop steps until every echo is back,
and the clients read them.  Every poll of the server returns the 100 events of a
round, so the loop turn's own cost is shared as under load.  The servers:
``pipe`` is pynet's ``s.pipe(s)``, ``data`` its ``'data'`` listener calling
``write``, ``async`` the ``async for chunk in sock: sock.write(chunk)`` loop of
``bench/servers/pynet_async.py`` (all three stepped with ``Loop.step``),
``asyncio`` an asyncio Protocol echo (one ``run_forever`` iteration per step),
``streams`` the asyncio Streams echo of ``bench/servers/asyncio_streams.py``
(``await read`` / ``write`` / ``await drain``, stepped the same way),
``raw`` a bare ``recv``/``send`` per socket with no loop (the floor: the
clients' work and the syscalls' Python wrappers).

Instructions per request, start-up cancelled (docs/benchmarks.md)::

    python bench/inprocess_rr.py pipe 5   # first: compiles the .pyc files
    for n in 300 900; do PYTHONHASHSEED=0 valgrind --tool=callgrind \\
        --callgrind-out-file=/dev/null python bench/inprocess_rr.py pipe $n; done
    # (Ir(900) - Ir(300)) / (600 * 100)

(Without the first line, a run after an edit of pynet also compiles the edited
modules, inside whichever of the two runs comes first: the difference is off.)

Deterministic where wall-clock timings on a shared machine are not; the
clients' share is the same for every mode (the ``raw`` figure bounds it).
"""

from __future__ import annotations

import asyncio
import os
import socket
import sys
from pathlib import Path
from typing import Any

from pynet import net
from pynet._core.loop import get_loop

sys.path.insert(0, str(Path(__file__).resolve().parent / "servers"))
from asyncio_streams import handle as streams_handle  # The Streams server's own handler.

CONNS = 100
MSG = b"x" * 64


class _Raw:
    """A bare echo: ``recv`` then ``send`` on every server socket, no loop."""

    def __init__(self, servers: list[socket.socket]) -> None:
        self.servers = servers

    def step(self) -> None:
        for s in self.servers:
            try:
                data = s.recv(65536)
            except BlockingIOError:
                continue
            s.send(data)


class _Asyncio:
    """An asyncio Protocol (or, ``streams``, Streams) echo; ``step`` runs one
    loop iteration."""

    def __init__(self, streams: bool = False) -> None:
        self.loop = asyncio.new_event_loop()

        class Echo(asyncio.Protocol):
            def connection_made(self, transport: Any) -> None:
                self.transport = transport

            def data_received(self, data: bytes) -> None:
                self.transport.write(data)

        if streams:
            starting = asyncio.start_server(streams_handle, "127.0.0.1", 0)
        else:
            starting = self.loop.create_server(Echo, "127.0.0.1", 0)
        server = self.loop.run_until_complete(starting)
        self.port: int = server.sockets[0].getsockname()[1]

    def step(self) -> None:
        self.loop.call_soon(self.loop.stop)
        self.loop.run_forever()


async def _async_echo(s: Any) -> None:
    """``bench/servers/pynet_async.py``'s connection handler."""
    async for chunk in s:
        s.write(chunk)


def main() -> None:
    mode, n = sys.argv[1], int(sys.argv[2])
    stepper: Any
    listener: socket.socket | None = None
    if mode == "raw":
        listener = socket.create_server(("127.0.0.1", 0))
        port = listener.getsockname()[1]
    elif mode in ("asyncio", "streams"):
        stepper = _Asyncio(streams=mode == "streams")
        port = stepper.port
    else:
        if mode == "pipe":
            server = net.createServer(lambda s: s.pipe(s))
        elif mode == "async":
            server = net.createServer(_async_echo)
        else:
            server = net.createServer(lambda s: s.on("data", s.write))
        server.listen(0, "127.0.0.1")
        port = server.address()["port"]
        stepper = get_loop()
    clients: list[socket.socket] = []
    accepted: list[socket.socket] = []
    for _ in range(CONNS):
        c = socket.create_connection(("127.0.0.1", port))
        c.setblocking(False)
        clients.append(c)
        if listener is not None:
            s, _ = listener.accept()
            s.setblocking(False)
            accepted.append(s)
    if listener is not None:
        stepper = _Raw(accepted)
    for _ in range(50):  # Accept and start every connection.
        stepper.step()

    def round_trip() -> None:
        for c in clients:
            c.send(MSG)
        got = 0
        while got < CONNS * len(MSG):
            stepper.step()
            for c in clients:
                try:
                    got += len(c.recv(4096))
                except BlockingIOError:
                    pass

    for _ in range(200):  # Warm up (specialised bytecode, caches).
        round_trip()
    for _ in range(n):
        round_trip()
    # The process exits with everything open: this is a measurement, not a program
    # (at once: no "Task was destroyed" report for each of asyncio's pending tasks).
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
