"""Listeners per event, JS-style arities, the decorator form and custom events."""

from __future__ import annotations

from typing import Any, assert_type

from pynet import net


def sockets(sock: net.Socket) -> None:
    # Every listener may take fewer arguments than the event carries (mapping §5).
    sock.on("close", lambda: print("closed"))
    sock.on("close", lambda hadError: print(hadError))
    sock.on("data", lambda: None)
    sock.on("data", lambda data: print(len(data)))
    sock.on("error", lambda err: print(err))
    sock.on("lookup", lambda err, address, family, host: print(err, address, family, host))
    sock.on("lookup", lambda err, address: print(address))
    for name in ("connect", "ready", "end", "drain", "timeout", "finish"):
        sock.on(name, lambda: None)  # A plain str: the custom-event fallback.

    def on_close(hadError: bool) -> None: ...
    def on_bytes(data: bytes) -> None: ...
    def on_text(data: str) -> None: ...
    def on_either(data: bytes | str) -> None: ...
    def on_error(err: Exception) -> None: ...
    def on_base_error(err: BaseException) -> None: ...
    def on_lookup(err: Exception | None, address: str | None, family: int | str | None,
                  host: str) -> None: ...
    def on_anything(*args: Any) -> None: ...
    def with_default(hadError: bool = False, extra: int = 0) -> None: ...

    # The methods return the socket, so calls chain as in Node.
    chained = (sock.on("close", on_close).once("data", on_bytes).on("data", on_text)
               .prependListener("data", on_either).prependOnceListener("error", on_error)
               .addListener("error", on_base_error).on("lookup", on_lookup)
               .on("close", with_default))
    assert_type(chained, net.Socket)
    sock.on("connect", on_anything)  # (mypy types this call Any: see docs/api.md)
    assert_type(sock.off("close", on_close), net.Socket)
    assert_type(sock.removeListener("data", on_bytes), net.Socket)

    # Custom events and Node's other stream events: any name, any listener.
    def on_attempt(ip: str, port: int, family: int) -> None: ...
    sock.on("connectionAttempt", on_attempt)
    sock.on("readable", lambda: sock.read())
    sock.on(("not", "a", "string"), lambda *args: None)

    # emit, with Node's arguments.
    assert_type(sock.emit("close", False), bool)
    assert_type(sock.emit("close"), bool)
    sock.emit("data", b"x")
    sock.emit("error", OSError("boom"))
    sock.emit("end")
    sock.emit("custom", 1, "two", [3])

    # on(event) without a function is a decorator returning the function (pyee's form).
    @sock.on("data")
    def decorated(data: bytes) -> None: ...

    @sock.once("close")
    def decorated_close() -> None: ...

    @sock.on("custom")
    def decorated_custom(a: int, b: str) -> None: ...

    # The decorated functions keep their own types.
    assert_type(decorated(b"x"), None)
    assert_type(decorated_custom(1, "x"), None)
    decorated_close()


def servers(server: net.Server) -> None:
    def on_connection(sock: net.Socket) -> None:
        sock.end()

    server.on("connection", on_connection)
    server.on("connection", lambda sock: sock.setNoDelay(True))
    server.on("connection", lambda: None)
    server.on("listening", lambda: print(server.address()))
    server.on("close", lambda: None)
    server.on("error", lambda err: print(err))
    server.on("drop", lambda data: print(data))
    server.on("drop", lambda: None)
    assert_type(server.once("listening", lambda: None).on("close", lambda: None), net.Server)

    @server.on("connection")
    def handle(sock: net.Socket) -> None: ...

    server.emit("connection", net.Socket())
    server.emit("listening")
