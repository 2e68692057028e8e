"""One end of an interop exchange, pynet side: the twin of js/peer.js.

The two must print the same observations; tests/interop/test_peer_node.py pairs them.
Usage: python peer.py ROLE CONFIG_JSON
Output: one JSON array per line; a server's first line is ["listening", port|path].
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Callable
from typing import Any

from pynet import net, run, setTimeout

role = sys.argv[1]
cfg: dict[str, Any] = json.loads(sys.argv[2] if len(sys.argv) > 2 else "{}")


def out(*args: Any) -> None:
    sys.stdout.write(json.dumps(list(args), ensure_ascii=False) + "\n")
    sys.stdout.flush()


def listen_args() -> tuple[Any, ...]:
    if cfg.get("transport") == "unix":
        return (cfg["path"],)
    return (0, "::1" if cfg.get("transport") == "tcp6" else "127.0.0.1")


def connect_options() -> dict[str, Any]:
    if cfg.get("transport") == "unix":
        return {"path": cfg["path"]}
    return {"port": cfg["port"], "host": "::1" if cfg.get("transport") == "tcp6" else "127.0.0.1"}


def serve(options: dict[str, Any], on_connection: Callable[[Any], None]) -> Any:
    server = net.createServer(options, on_connection)

    def on_error(e: Any) -> None:
        out("server-error", getattr(e, "code", None))
        sys.stdout.flush()
        os._exit(3)
    server.on("error", on_error)

    def on_listening() -> None:
        a = server.address()
        out("listening", a if isinstance(a, str) else a.port)
    server.listen(*listen_args(), on_listening)
    return server


def err_fields(e: Any) -> dict[str, Any]:
    return {"code": getattr(e, "code", None), "syscall": getattr(e, "syscall", None),
            "address": getattr(e, "address", None), "port": getattr(e, "port", None),
            "message": str(e)}


def payload(n: int) -> bytes:
    return hashlib.shake_256(b"pynet-interop").digest(n)


MESSAGES = ["hello", "wörld ✓ ünïcödé", "x" * 200000, "bye"]


def echo_server() -> None:
    def on_connection(sock: Any) -> None:
        out("connection", sock.remoteFamily, sock.remoteAddress, sock.localFamily,
            sock.localAddress)
        n = [0]

        def on_data(d: bytes) -> None:
            n[0] += len(d)
            sock.write(d)
        sock.on("data", on_data)
        sock.on("end", lambda: out("end", n[0]))
        sock.on("finish", lambda: out("finish"))
        sock.on("error", lambda e: out("error", e.code))

        def on_close(hadError: bool) -> None:
            out("close", hadError, sock.bytesRead, sock.bytesWritten)
            server.close()
        sock.on("close", on_close)
    server = serve({"allowHalfOpen": bool(cfg.get("allowHalfOpen"))}, on_connection)


def echo_client() -> None:
    sock = net.connect(connect_options())
    state: dict[str, Any] = {"i": 0, "acc": b""}

    def send() -> None:
        sock.write(MESSAGES[state["i"]])

    def on_connect() -> None:
        out("connect", sock.remoteFamily, sock.remoteAddress)
        send()
    sock.on("connect", on_connect)

    def on_data(d: bytes) -> None:
        state["acc"] += d
        want = MESSAGES[state["i"]].encode()
        if len(state["acc"]) < len(want):
            return
        out("echo", state["i"], state["acc"][:len(want)] == want)
        state["acc"] = state["acc"][len(want):]
        state["i"] += 1
        if state["i"] < len(MESSAGES):
            send()
        else:
            sock.end()
    sock.on("data", on_data)
    sock.on("finish", lambda: out("finish"))
    sock.on("end", lambda: out("end", len(state["acc"])))
    sock.on("error", lambda e: out("error", e.code))
    sock.on("close", lambda hadError: out("close", hadError, sock.bytesRead, sock.bytesWritten))


def halfclose_server() -> None:
    """The client sends "req" and ends; the server answers after the client's FIN:
    "r1" in the 'end' handler, "r2" 30 ms later, then end("bye") 30 ms after that."""
    def on_connection(sock: Any) -> None:
        got = [""]

        def cb(what: str) -> Callable[..., None]:
            return lambda err=None: out("cb", what, err.code if err else None)
        sock.setEncoding("utf8")

        def on_data(d: str) -> None:
            got[0] += d
        sock.on("data", on_data)

        def on_end() -> None:
            out("end", got[0], sock.readyState, sock.writable)
            out("write", "r1", sock.write("r1", cb("r1")))

            def second() -> None:
                out("write", "r2", sock.write("r2", cb("r2")))

                def third() -> None:
                    sock.end("bye", cb("end"))
                    out("ended", sock.readyState)
                setTimeout(third, 30)
            setTimeout(second, 30)
        sock.on("end", on_end)
        sock.on("finish", lambda: out("finish"))
        sock.on("error", lambda e: out("error", e.code, str(e)))

        def on_close(hadError: bool) -> None:
            out("close", hadError)
            server.close()
        sock.on("close", on_close)
    server = serve({"allowHalfOpen": bool(cfg.get("allowHalfOpen"))}, on_connection)


def halfclose_client() -> None:
    sock = net.Socket({"allowHalfOpen": bool(cfg.get("allowHalfOpen"))})
    got = [""]
    sock.setEncoding("utf8")

    def on_connect() -> None:
        out("connect")
        sock.write("req")
        sock.end()
        out("ended", sock.readyState)
    sock.connect(connect_options(), on_connect)

    def on_data(d: str) -> None:
        got[0] += d
    sock.on("data", on_data)
    sock.on("finish", lambda: out("finish"))
    sock.on("end", lambda: out("end", got[0], sock.readyState))
    sock.on("error", lambda e: out("error", e.code, str(e)))
    sock.on("close", lambda hadError: out("close", hadError))


def bulk() -> None:
    """A 64 MiB (cfg.size) transfer.  cfg.side: 'server' | 'client'; cfg.mode: 'send' | 'recv'."""
    def go(sock: Any) -> None:
        if cfg["mode"] == "send":
            data = memoryview(payload(cfg["size"]))
            out("payload", hashlib.sha256(data).hexdigest())
            step = 1 << 20
            state = {"off": 0, "blocked": 0}

            def pump() -> None:
                while state["off"] < len(data):
                    ok = sock.write(data[state["off"]:state["off"] + step])
                    state["off"] += step
                    if not ok:
                        state["blocked"] += 1
                        sock.once("drain", pump)
                        return
                sock.end()
                out("blocked", state["blocked"] > 0)
            pump()
            sock.on("finish", lambda: out("finish", sock.bytesWritten))
            sock.resume()
        else:
            h = hashlib.sha256()
            n = [0]

            def on_data(d: bytes) -> None:
                h.update(d)
                n[0] += len(d)
            sock.on("data", on_data)
            sock.on("end", lambda: out("received", n[0], h.hexdigest(), sock.bytesRead))
        sock.on("error", lambda e: out("error", e.code))
        sock.on("close", lambda hadError: out("close", hadError, sock.bytesRead,
                                              sock.bytesWritten))

    if cfg["side"] == "server":
        def on_connection(sock: Any) -> None:
            go(sock)
            sock.on("close", lambda: server.close())
        server = serve({}, on_connection)
    else:
        sock = net.connect(connect_options())
        sock.on("connect", lambda: go(sock))


def rst_server() -> None:
    """The server greets with "hi", the client answers "ping".  cfg.reset says which side
    calls resetAndDestroy(): the server on "ping", the client on "hi"."""
    def on_connection(sock: Any) -> None:
        sock.write("hi")

        def on_data(d: bytes) -> None:
            out("data", d.decode())
            if cfg.get("reset"):
                out("resetAndDestroy")
                sock.resetAndDestroy()
        sock.on("data", on_data)
        sock.on("error", lambda e: out("error", err_fields(e)))

        def on_close(hadError: bool) -> None:
            out("close", hadError, sock.destroyed)
            server.close()
        sock.on("close", on_close)
    server = serve({}, on_connection)


def rst_client() -> None:
    sock = net.connect(connect_options())

    def on_data(d: bytes) -> None:
        out("data", d.decode())
        if cfg.get("reset"):
            out("resetAndDestroy")
            sock.resetAndDestroy()
        else:
            sock.write("ping")
    sock.on("data", on_data)
    sock.on("error", lambda e: out("error", err_fields(e)))
    sock.on("close", lambda hadError: out("close", hadError, sock.destroyed))


def hold() -> None:
    """Listen and stay until killed."""
    serve({}, lambda sock: None)


def listen_on() -> None:
    """Listen on cfg.port (already taken): report the error."""
    server = net.createServer()
    server.on("error", lambda e: out("error", err_fields(e), server.listening))

    def on_listening() -> None:
        out("listening")
        server.close()
    server.listen(cfg["port"], "127.0.0.1", on_listening)


def connect_fail() -> None:
    """Connect where nothing listens: report the error."""
    sock = net.connect(connect_options())
    sock.on("connect", lambda: out("connect"))
    sock.on("error", lambda e: out("error", err_fields(e)))
    sock.on("close", lambda hadError: out("close", hadError, sock.readyState))


ROLES = {
    "echo-server": echo_server, "echo-client": echo_client,
    "halfclose-server": halfclose_server, "halfclose-client": halfclose_client,
    "bulk": bulk, "rst-server": rst_server, "rst-client": rst_client,
    "hold": hold, "listen-on": listen_on, "connect-fail": connect_fail,
}


def _guard() -> None:
    out("GUARD TIMEOUT")
    os._exit(1)


setTimeout(_guard, 40000).unref()
ROLES[role]()
run()
