"""Listeners that do not fit their event: each marked line must be an error."""

from __future__ import annotations

from pynet import net


def sockets(sock: net.Socket) -> None:
    def takes_str(x: str) -> None: ...
    def takes_int(data: int) -> None: ...
    def takes_os_error(err: OSError) -> None: ...
    def two_args(a: bool, b: bool) -> None: ...
    def needs_arg(x: object) -> None: ...

    sock.on("close", takes_str)  # E: 'close' passes hadError: bool
    sock.on("close", two_args)  # E: 'close' passes one argument
    sock.once("data", takes_int)  # E: 'data' passes bytes or str
    sock.on("error", takes_os_error)  # E: 'error' passes any Exception
    sock.on("end", needs_arg)  # E: 'end' passes nothing
    sock.prependListener("connect", takes_str)  # E: 'connect' passes nothing
    sock.prependOnceListener("timeout", takes_int)  # E: 'timeout' passes nothing
    sock.addListener("lookup", takes_int)  # E: 'lookup' passes (err, address, family, host)
    sock.off("close", takes_str)  # E: removing a listener of the wrong type
    # mypy gives a lambda in a union context Any parameters, so this call matches
    # two overloads and mypy calls it Any instead of reporting it (docs/api.md).
    sock.on("close", lambda a, b: None)  # E[pyright]: a lambda with too many parameters
    sock.on("close", takes_str).on("end", lambda: None)  # E: the chain breaks too
    sock.emit("close", "yes")  # E: 'close' carries a bool
    sock.emit("data", 42)  # E: 'data' carries bytes or str

    @sock.on("close")  # E: the decorator checks the function
    def decorated(hadError: str) -> None: ...


def servers(server: net.Server) -> None:
    def takes_str(x: str) -> None: ...

    server.on("connection", takes_str)  # E: 'connection' passes a Socket
    server.on("listening", takes_str)  # E: 'listening' passes nothing
    server.once("close", takes_str)  # E: a server's 'close' passes nothing
    server.on("error", takes_str)  # E: 'error' passes an Exception
    net.createServer(takes_str)  # E: the connection listener gets a Socket
    server.listen(0, takes_str)  # E: the listening callback gets nothing
    net.connect(80, takes_str)  # E: the connect callback gets nothing
