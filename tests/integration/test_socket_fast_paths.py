"""The inline hot paths of ``net.Socket`` behave as the general paths they skip.

``Socket._on_stream_read`` emits ``'data'`` inline when ``emit`` is
EventEmitter's own, and ``Socket.write`` runs Writable's writeOrBuffer ->
``_write`` -> onwrite inline for a callback-less buffer.  Each test here pins
a case where the inline path must step aside (an overridden ``emit`` or
``_write``, on the class or on the instance) or must reproduce the general
path's state (listener arity, async listeners, ``writableLength``,
``'drain'``, the return value).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pynet import net, process, run
from pynet._core.loop import Loop


def _echo_roundtrip(on_server_socket: Callable[[net.Socket], None], payload: bytes = b"ping"
                    ) -> bytes:
    """Start a server, send ``payload`` from a client, return what came back
    before the server side ended its socket."""
    got: list[bytes] = []

    def on_connection(sock: net.Socket) -> None:
        on_server_socket(sock)

    server = net.createServer(on_connection)

    def listening() -> None:
        client = net.connect(server.address()["port"], "127.0.0.1")
        client.on("data", got.append)
        client.on("end", lambda: (client.end(), server.close()))
        client.write(payload)

    server.listen(0, "127.0.0.1", listening)
    run()
    return b"".join(got)


def test_instance_emit_override_sees_data(loop: Loop) -> None:
    seen: list[Any] = []

    def on_socket(sock: net.Socket) -> None:
        plain = sock.emit

        def spy(event: Any, *args: Any) -> bool:
            seen.append(event)
            return plain(event, *args)

        sock.emit = spy  # type: ignore[method-assign]
        sock.on("data", lambda chunk: sock.end(chunk))

    assert _echo_roundtrip(on_socket) == b"ping"
    assert "data" in seen


def test_subclass_emit_override_sees_data(loop: Loop) -> None:
    seen: list[Any] = []

    class Spy(net.Socket):
        def emit(self, event: Any, *args: Any) -> bool:  # type: ignore[override]
            seen.append(event)
            return super().emit(event, *args)

    server = net.createServer(lambda s: s.on("data", lambda c: s.end(c)))

    def listening() -> None:
        client = Spy()
        client.connect(server.address()["port"], "127.0.0.1")
        client.on("end", lambda: server.close())
        client.on("data", lambda c: None)
        client.write(b"x")

    server.listen(0, "127.0.0.1", listening)
    run()
    assert seen.count("data") == 1


def test_data_listener_arity_and_async_listener(loop: Loop) -> None:
    calls: list[Any] = []

    async def later(chunk: bytes) -> None:  # A coroutine: emit must start it.
        calls.append(("async", chunk))

    def on_socket(sock: net.Socket) -> None:
        sock.on("data", lambda: calls.append("none"))
        sock.on("data", lambda a, b, c=None: calls.append(("two", a, b, c)))
        sock.on("data", later)
        sock.on("data", lambda chunk: sock.end(chunk))

    assert _echo_roundtrip(on_socket) == b"ping"
    assert calls == ["none", ("two", b"ping", None, None), ("async", b"ping")]


def test_subclass_write_override_is_called(loop: Loop) -> None:
    written: list[bytes] = []

    class Counting(net.Socket):
        def _write(self, chunk: Any, encoding: str, cb: Callable[..., Any]) -> None:
            written.append(bytes(chunk))
            super()._write(chunk, encoding, cb)

    server = net.createServer(lambda s: s.on("data", lambda c: s.end(c)))

    def listening() -> None:
        client = Counting()
        client.connect(server.address()["port"], "127.0.0.1")
        client.on("data", lambda c: None)
        client.on("end", lambda: server.close())
        client.on("connect", lambda: client.write(b"hello"))

    server.listen(0, "127.0.0.1", listening)
    run()
    assert written == [b"hello"]


def test_instance_write_override_is_called(loop: Loop) -> None:
    written: list[bytes] = []

    def on_socket(sock: net.Socket) -> None:
        plain = sock._write

        def spy(chunk: Any, encoding: str, cb: Callable[..., Any]) -> None:
            written.append(bytes(chunk))
            plain(chunk, encoding, cb)

        sock._write = spy  # type: ignore[method-assign]
        sock.on("data", lambda chunk: (sock.write(chunk), sock.end()))

    assert _echo_roundtrip(on_socket) == b"ping"
    assert written == [b"ping"]


def test_write_state_and_drain(loop: Loop) -> None:
    """A write the kernel takes at once leaves nothing counted and returns True
    (as in Node, even past the high water mark); one it cannot take is
    counted, returns False and owes a 'drain' (checked against node)."""
    states: list[Any] = []
    big = b"y" * (8 * 1024 * 1024)

    def on_socket(sock: net.Socket) -> None:
        def on_data(chunk: bytes) -> None:
            states.append(sock.write(chunk))
            states.append((sock.writableLength, sock.writableNeedDrain))
            small = b"z" * (sock.writableHighWaterMark + 1)
            states.append(sock.write(small))
            states.append((sock.writableLength, sock.writableNeedDrain))
            states.append(sock.write(big))
            states.append((sock.writableLength > 0, sock.writableNeedDrain))
            sock.on("drain", lambda: (states.append(("drain", sock.writableLength)), sock.end()))

        sock.once("data", on_data)

    data = _echo_roundtrip(on_socket)
    assert len(data) == 4 + 16385 + len(big)
    assert states == [True, (0, False), True, (0, False), False, (True, True), ("drain", 0)]


def test_single_data_listener_refusing_the_chunk_is_called_without_it(loop: Loop) -> None:
    # One 'data' listener is stored as itself: the inline emit tries
    # listener(chunk), and on Python's refusal calls it fitted (here: with
    # nothing), every time, as EventEmitter.emit does.
    calls: list[Any] = []

    def on_socket(sock: net.Socket) -> None:
        def none() -> None:
            calls.append("none")
            sock.end(b"done")

        sock.on("data", none)

    assert _echo_roundtrip(on_socket) == b"done"
    assert calls == ["none"]


def test_type_error_inside_the_single_data_listener_is_not_retried(loop: Loop) -> None:
    calls: list[Any] = []
    uncaught: list[BaseException] = []
    sockets: list[net.Socket] = []

    def on_socket(sock: net.Socket) -> None:
        def bad(chunk: bytes) -> None:
            calls.append(chunk)
            raise TypeError("from the listener")

        sockets.append(sock)
        sock.on("data", bad)

    def on_uncaught(err: BaseException) -> None:
        uncaught.append(err)
        sockets[0].end()

    process.on("uncaughtException", on_uncaught)
    try:
        assert _echo_roundtrip(on_socket) == b""
    finally:
        process.removeListener("uncaughtException", on_uncaught)
    assert calls == [b"ping"]
    assert [str(err) for err in uncaught] == ["from the listener"]
