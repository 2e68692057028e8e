"""The inline hot paths of ``net.Socket`` behave as the general paths they skip.

``Socket._on_stream_read`` emits ``'data'`` inline when ``emit`` is
EventEmitter's own, and ``Socket.write`` runs Writable's writeOrBuffer ->
``_write`` -> onwrite inline for a callback-less buffer.  Each test here pins
a case where the inline path must step aside (an overridden ``emit`` or
``_write``, on the class or on the instance) or must reproduce the general
path's state (listener arity, async listeners, ``writableLength``,
``'drain'``, the return value).  On a plain ``StreamHandle`` the inline write
sets Writable's state only when the write did not complete at once, failed,
or owes a ``'drain'``: those cases are pinned against the general path
(a subclass with its own ``_write``) and, for a write while a ``'drain'`` is
owed, against node (tests/interop/test_socket_write_node.py).
"""

from __future__ import annotations

import socket
from collections.abc import Callable
from typing import Any

from pynet import net, process, run, setImmediate
from pynet._core.loop import Loop
from pynet._handles.stream import StreamHandle


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

class _GeneralWrite(net.Socket):
    """A socket whose writes take Writable's general path (its own ``_write``)."""

    def _write(self, chunk: Any, encoding: str, cb: Callable[..., Any]) -> None:
        super()._write(chunk, encoding, cb)


def _failed_write_trace(loop: Loop, cls: type[net.Socket]) -> list[Any]:
    raw, peer = socket.socketpair()
    peer.close()  # The write below fails at once (EPIPE).
    sock = cls(handle=StreamHandle(loop, raw, True))
    trace: list[Any] = []
    sock.on("error", lambda err: trace.append(("error", err.code, err.syscall,
                                                sock.writableLength, sock.destroyed)))
    sock.on("close", lambda had_error: trace.append(("close", had_error)))
    sock.on("finish", lambda: trace.append("finish"))
    trace.append(("write", sock.write(b"x" * 10), sock.writableLength, sock.destroyed,
                  sock.writableNeedDrain))
    loop.next_tick(lambda: trace.append(("tick", sock.destroyed, sock.writableLength)))
    run()
    return trace


def test_write_failing_at_once_matches_general_path(loop: Loop) -> None:
    """A write the handle refuses at once: false, then 'error' (EPIPE, write) and
    'close' with hadError, the same as Writable's general path."""
    fast = _failed_write_trace(loop, net.Socket)
    general = _failed_write_trace(loop, _GeneralWrite)
    assert fast == general
    assert fast[0] == ("write", False, 0, False, False)
    assert fast[1] == ("tick", True, 0)
    assert fast[2][:3] == ("error", "EPIPE", "write")
    assert fast[-1] == ("close", True)


def _drain_owed_trace(loop: Loop, cls: type[net.Socket]) -> list[Any]:
    """cork, a write past the high water mark, uncork (the kernel takes it at
    once: a 'drain' is owed from a tick), then a small write before that tick."""
    raw, peer = socket.socketpair()
    sock = cls(handle=StreamHandle(loop, raw, True))
    trace: list[Any] = []
    hwm = sock.writableHighWaterMark
    sock.on("drain", lambda: trace.append(("drain", sock.writableLength)))
    sock.cork()
    trace.append(("w1", sock.write(b"a" * (hwm + 1)), sock.writableLength,
                  sock.writableNeedDrain))
    sock.uncork()
    trace.append(("w2", sock.write(b"b"), sock.writableLength, sock.writableNeedDrain))
    loop.next_tick(lambda: trace.append(("tick", sock.writableNeedDrain)))
    setImmediate(sock.end)
    sock.on("finish", lambda: (trace.append("finish"), sock.destroy()))
    run()
    received = b""
    while chunk := peer.recv(65536):
        received += chunk
    peer.close()
    trace.append(("peer", len(received)))
    return trace


def test_write_while_drain_owed_matches_general_path(loop: Loop) -> None:
    fast = _drain_owed_trace(loop, net.Socket)
    assert fast == _drain_owed_trace(loop, _GeneralWrite)
    assert fast == [("w1", False, 16385, True), ("w2", True, 0, True), ("drain", 0),
                    ("tick", False), "finish", ("peer", 16386)]


def test_overrides_assigned_after_the_inline_paths_ran(loop: Loop) -> None:
    # The inline read and write paths keep the instance's __dict__ in a slot
    # once they have looked at it: an emit or _write assigned to the instance
    # after they ran (the first chunk took both inline paths) must still be
    # seen, from the next chunk on.
    seen: list[Any] = []
    got: list[bytes] = []

    def on_data(sock: net.Socket, chunk: bytes) -> None:
        sock.write(chunk)
        if chunk != b"first":
            sock.end()
            return
        plain_emit, plain_write = sock.emit, sock._write

        def emit_spy(event: Any, *args: Any) -> bool:
            seen.append(("emit", event))
            return plain_emit(event, *args)

        def write_spy(chunk: Any, encoding: str, cb: Callable[..., Any]) -> None:
            seen.append(("_write", bytes(chunk)))
            plain_write(chunk, encoding, cb)

        sock.emit = emit_spy  # type: ignore[method-assign]
        sock._write = write_spy  # type: ignore[method-assign]

    server = net.createServer(lambda s: s.on("data", lambda c: on_data(s, c)))

    def listening() -> None:
        client = net.connect(server.address()["port"], "127.0.0.1")

        def on_client_data(chunk: bytes) -> None:
            got.append(chunk)
            if chunk == b"first":
                client.write(b"second")

        client.on("data", on_client_data)
        client.on("end", lambda: (client.end(), server.close()))
        client.write(b"first")

    server.listen(0, "127.0.0.1", listening)
    run()
    assert got == [b"first", b"second"]
    assert ("emit", "data") in seen and ("_write", b"second") in seen
    assert ("_write", b"first") not in seen
