"""A closed ``net.Socket`` is freed by reference counting, not the cycle collector.

A socket's own callbacks (its ``'end'`` listener, Node's
``onReadableStreamEnd``, and the write callbacks it binds once and keeps)
must not hold it in a reference cycle once it is closed: under connection
churn every closed connection would otherwise wait for ``gc`` (5-10% of a
churning server's CPU).  Each test runs with the collector disabled and
checks, through a weak reference, that the sockets are gone as soon as the
loop has finished with them.  The listeners the tests register hold no
reference to their own socket (such a cycle would be the user's).
"""

from __future__ import annotations

import weakref
from typing import Any

from pynet import net, run
from pynet._core.loop import Loop


def _alive(refs: list[weakref.ref[Any]]) -> list[str]:
    return [repr(r()) for r in refs if r() is not None]


def _exchange(on_server_socket: Any, payload: bytes = b"ping") -> tuple[list[weakref.ref[Any]], bytes]:
    """One connection: the client writes ``payload`` and ends; returns weak
    references to the server-side and client sockets and what the client got."""
    refs: list[weakref.ref[Any]] = []
    got: list[bytes] = []

    def on_connection(sock: net.Socket) -> None:
        refs.append(weakref.ref(sock))
        on_server_socket(sock)

    server = net.createServer(on_connection)

    def listening() -> None:
        client = net.connect(server.address()["port"], "127.0.0.1")
        refs.append(weakref.ref(client))
        client.on("data", got.append)
        client.on("close", server.close)
        client.end(payload)

    server.listen(0, "127.0.0.1", listening)
    run()
    return refs, b"".join(got)


def test_piped_echo_sockets_are_freed_without_gc(loop: Loop, no_gc: None) -> None:
    refs, got = _exchange(lambda sock: sock.pipe(sock))
    assert got == b"ping"
    assert len(refs) == 2
    assert _alive(refs) == []


def test_data_listener_sockets_are_freed_without_gc(loop: Loop, no_gc: None) -> None:
    seen: list[bytes] = []

    def on_socket(sock: net.Socket) -> None:
        sock.on("data", seen.append)
        sock.end(b"bye")

    refs, got = _exchange(on_socket)
    assert got == b"bye"
    assert _alive(refs) == []


def test_destroyed_with_a_write_in_flight_is_freed_without_gc(loop: Loop, no_gc: None) -> None:
    def on_socket(sock: net.Socket) -> None:
        sock.write(b"x" * (1 << 22))  # More than the kernel takes at once.
        sock.destroy()

    refs, _ = _exchange(on_socket)
    assert _alive(refs) == []


def test_refused_connection_is_freed_without_gc(loop: Loop, no_gc: None) -> None:
    errors: list[str] = []
    server = net.createServer()
    server.listen(0, "127.0.0.1")
    port = server.address()["port"]
    server.close()  # Closed: its port now refuses.
    run()
    client = net.connect(port, "127.0.0.1")
    client.on("error", lambda err: errors.append(err.code))
    ref = weakref.ref(client)
    del client
    run()
    assert errors == ["ECONNREFUSED"]
    assert _alive([ref]) == []


def test_end_listener_stays_registered(loop: Loop) -> None:
    """Node's onReadableStreamEnd is one 'end' listener for the socket's whole
    life, closed or not (listenerCount and listeners() see it)."""
    refs: list[net.Socket] = []
    _exchange(lambda sock: (refs.append(sock), sock.pipe(sock)))
    sock = refs[0]
    assert sock.destroyed
    assert sock.listenerCount("end") == 1
    listener = sock.listeners("end")[0]
    assert callable(listener)
    assert net.Socket().listenerCount("end") == 1
