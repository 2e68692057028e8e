"""Event-trace scenarios, pynet on both ends: the transliteration of js/trace_scenarios.js.

tests/interop/test_traces_node.py runs both programs and compares their traces.
Usage: python trace_scenarios.py SCENARIO [TMPDIR]
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from typing import Any

from trace_h import log, main, mask, net, trace

from pynet import nextTick, setImmediate, setTimeout

TMP = sys.argv[2] if len(sys.argv) > 2 else tempfile.gettempdir()


def js(v: Any) -> str:
    """A value as JavaScript's template string shows it."""
    if v is None:
        return "undefined"
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


def listen(server: Any, cb: Callable[[int], None]) -> None:
    """Listen on 127.0.0.1 with an ephemeral port, masked as PORT; then cb(port)."""
    server.listen(0, "127.0.0.1", lambda: cb(mask(server.address().port, "PORT")))


def closed_port(cb: Callable[[int], None]) -> None:
    """A port nothing listens on: the one the test holds refused for this run
    (TRACE_REFUSED_PORT: bound, never listening), else one a server bound and closed."""
    if os.environ.get("TRACE_REFUSED_PORT"):
        setImmediate(lambda: cb(mask(int(os.environ["TRACE_REFUSED_PORT"]), "PORT")))
        return
    s = net.createServer()

    def on_listening() -> None:
        port = s.address().port
        s.close(lambda *a: cb(mask(port, "PORT")))
    s.listen(0, "127.0.0.1", on_listening)


def err_info(e: Any) -> str:
    return (f"code={js(getattr(e, 'code', None))} syscall={js(getattr(e, 'syscall', None))} "
            f"address={js(getattr(e, 'address', None))} port={js(getattr(e, 'port', None))} "
            f"message={e}")


def msg(err: Any) -> Any:
    return str(err) if err is not None else None


S: dict[str, Callable[[], None]] = {}


def scenario(fn: Callable[[], None]) -> Callable[[], None]:
    S[fn.__name__] = fn
    return fn


@scenario
def echo_client_end() -> None:
    """§4.1 client connects, writes, server echoes, client end()."""
    server = trace("server", net.createServer())

    def on_connection(sock: Any) -> None:
        trace("srvSock", sock)
        log("[srvSock] remote", sock.remoteAddress, sock.remoteFamily, "local", sock.localAddress,
            sock.localPort)

        def on_data(d: bytes) -> None:
            log("[srvSock] data handler -> write echo")
            sock.write(d)
        sock.on("data", on_data)
    server.on("connection", on_connection)

    def on_listening(port: int) -> None:
        client = trace("client", net.Socket())

        def on_connect() -> None:
            mask(client.localPort, "CPORT")
            log("[client] connectListener; remote", client.remoteAddress, client.remotePort,
                client.remoteFamily)
            log('[client] write("hello") returned', client.write("hello"))
        client.connect({"port": port, "host": "127.0.0.1"}, on_connect)
        log("[client] after connect(): connecting=", client.connecting, "pending=", client.pending,
            "readyState=", client.readyState)

        def on_data(d: bytes) -> None:
            log("[client] data handler -> client.end()")
            client.end()
            log("[client] after end(): readyState=", client.readyState, "writableEnded=",
                client.writableEnded)
        client.on("data", on_data)

        def on_close() -> None:
            log("[client] closed -> server.close()")
            server.close()
        client.on("close", on_close)
    listen(server, on_listening)


@scenario
def lookup_host_omitted() -> None:
    """§4.1b host omitted: 'lookup' before the attempt."""
    server = net.createServer(lambda sock: sock.end())

    def on_listening(port: int) -> None:
        c = trace("c", net.Socket())
        c.connect(port)
        c.on("close", lambda: server.close())
    listen(server, on_listening)


@scenario
def server_end() -> None:
    """§4.2 server-initiated end."""
    server = trace("server", net.createServer())

    def on_connection(sock: Any) -> None:
        trace("srvSock", sock)
        sock.end("bye", lambda *a: log("[srvSock] end() callback"))
        server.close()
    server.on("connection", on_connection)

    def on_listening(port: int) -> None:
        c = trace("client", net.Socket())
        c.connect(port, "127.0.0.1")
        c.on("data", lambda d: log("[client] data handler"))
        c.on("end", lambda: log("[client] end handler: writableEnded=", c.writableEnded,
                                "readyState=", c.readyState))
        c.on("close", lambda hadError: log("[client] close handler hadError=", hadError,
                                           "destroyed=", c.destroyed))
    listen(server, on_listening)


@scenario
def server_end_half_open() -> None:
    """§4.2 (s2b) allowHalfOpen on the client: keeps writing after 'end'."""
    server = trace("server", net.createServer())

    def on_connection(sock: Any) -> None:
        trace("srvSock", sock)
        sock.on("data", lambda d: log("[srvSock] got", d.decode()))
        sock.end("bye")
        sock.on("close", lambda: server.close())
    server.on("connection", on_connection)

    def on_listening(port: int) -> None:
        c = trace("client", net.Socket({"allowHalfOpen": True}))
        c.connect(port, "127.0.0.1")

        def on_end() -> None:
            log("[client] end handler: readyState=", c.readyState, "writable=", c.writable)
            log("[client] writes after end:", c.write("late-data"))
            c.end()
            log("[client] after end(): readyState=", c.readyState)
        c.on("end", on_end)
    listen(server, on_listening)


@scenario
def destroy_in_connect() -> None:
    """§4.3 destroy() in the connect listener, then destroy(err) on a second client."""
    server = trace("server", net.createServer())
    state = {"n": 0, "pending": 2, "port": 0}

    def done() -> None:
        state["pending"] -= 1
        if state["pending"] == 0:
            c2()

    def on_connection(sock: Any) -> None:
        state["n"] += 1
        trace(f"srvSock{state['n']}", sock)
        if state["n"] == 1:
            sock.on("close", done)
        else:
            sock.on("close", lambda: server.close())
    server.on("connection", on_connection)

    def c2() -> None:
        c = trace("c2", net.Socket())

        def on_connect() -> None:
            log('[c2] connected; calling destroy(new Error("boom"))')
            c.destroy(Exception("boom"))
            log("[c2] after destroy(err): destroyed=", c.destroyed, "readyState=", c.readyState)
        c.connect(state["port"], "127.0.0.1", on_connect)
        c.on("error", lambda e: log("[c2] error handler", str(e)))

    def on_listening(port: int) -> None:
        state["port"] = port
        c = trace("c1", net.Socket())

        def on_connect() -> None:
            log("[c1] connected; calling destroy()")
            c.destroy()
            log("[c1] after destroy(): destroyed=", c.destroyed, "readyState=", c.readyState,
                "bytesRead=", c.bytesRead)
        c.connect(port, "127.0.0.1", on_connect)
        c.on("close", done)
    listen(server, on_listening)


@scenario
def destroy_while_connecting() -> None:
    """§4.3 (s3b) destroy while connecting, with a queued write."""
    server = net.createServer()

    def on_listening(port: int) -> None:
        c = trace("c", net.Socket())
        c.connect(port, "127.0.0.1")
        log("[c] write while connecting returned",
            c.write("x", lambda err=None: log("[c] write cb err=", err, msg(err))))
        log("[c] bytesWritten=", c.bytesWritten)
        c.destroy()
        log("[c] destroyed sync; connecting=", c.connecting, "destroyed=", c.destroyed,
            "readyState=", c.readyState)
        c.on("close", lambda: setTimeout(lambda: server.close(), 50))
    listen(server, on_listening)


@scenario
def econnrefused() -> None:
    """§4.4 ECONNREFUSED."""
    def go(port: int) -> None:
        c = trace("c", net.Socket())
        c.connect(port, "127.0.0.1")
        log("[c] sync after connect(): connecting=", c.connecting, "pending=", c.pending,
            "readyState=", c.readyState)
        c.on("error", lambda e: log("[c] error handler:", err_info(e)))
        c.on("close", lambda hadError: log("[c] close handler hadError=", hadError, "destroyed=",
                                           c.destroyed, "readyState=", c.readyState))
    closed_port(go)


@scenario
def ipc_enoent() -> None:
    """§4.4 (s4b) IPC path that does not exist."""
    p = mask(os.path.join(TMP, "missing.sock"), "SOCKPATH")
    c = trace("c", net.Socket())
    c.connect(p)
    log("[c] sync after connect(path): connecting=", c.connecting)
    c.on("error", lambda e: log("[c] error handler:", err_info(e)))


@scenario
def write_after_end() -> None:
    """§4.5 write after end()."""
    server = net.createServer(lambda s: s.resume())

    def on_listening(port: int) -> None:
        c = trace("c", net.Socket())

        def on_connect() -> None:
            c.end()
            log("[c] write after end() returned",
                c.write("x", lambda err=None: log("[c] write cb err=", err, msg(err))))
        c.connect(port, "127.0.0.1", on_connect)
        c.on("error", lambda e: log("[c] error handler", e.code, str(e)))
        c.on("close", lambda: server.close())
    listen(server, on_listening)


@scenario
def write_in_end_handler() -> None:
    """§4.5 write inside the 'end' handler after the peer's FIN (allowHalfOpen=false)."""
    def on_connection(s: Any) -> None:
        trace("srvSock", s)
        s.end()
        s.on("close", lambda: server.close())
    server = net.createServer(on_connection)

    def on_listening(port: int) -> None:
        c = trace("c", net.Socket())
        c.connect(port, "127.0.0.1")

        def on_end() -> None:
            log("[c] end handler: writableEnded=", c.writableEnded, "writable=", c.writable)
            log("[c] write after remote FIN returned",
                c.write("x", lambda err=None: log("[c] write cb err=", err)))
        c.on("end", on_end)
    listen(server, on_listening)


def _ending_server() -> Any:
    def on_connection(s: Any) -> None:
        s.end()
        s.on("close", lambda: server.close())
    server = net.createServer(on_connection)
    return server


@scenario
def write_two_ticks_after_end() -> None:
    """§4.5 write two ticks after 'end': synthetic EPIPE."""
    server = _ending_server()

    def on_listening(port: int) -> None:
        c = trace("c", net.Socket())
        c.connect(port, "127.0.0.1")

        def second_tick() -> None:
            log("[c] 2nd nextTick after end: writableEnded=", c.writableEnded, "destroyed=",
                c.destroyed)
            log("[c] write returned", c.write("x", lambda err=None: log("[c] write cb err=", err, msg(err))))
        c.on("end", lambda: nextTick(lambda: nextTick(second_tick)))
        c.on("error", lambda e: log("[c] error handler code=", e.code, "errno=", _node_errno(e),
                                    "syscall=", getattr(e, "syscall", None), "message=", str(e)))
    listen(server, on_listening)


def _node_errno(e: Any) -> Any:
    # Node's synthetic EPIPE has no errno; a pynet OSError always has the attribute.
    return getattr(e, "errno", None)


@scenario
def write_immediate_after_end() -> None:
    """§4.5 write in setImmediate after 'end' (already destroyed): only the callback gets EPIPE."""
    server = _ending_server()

    def on_listening(port: int) -> None:
        c = trace("c", net.Socket())
        c.connect(port, "127.0.0.1")

        def later() -> None:
            log("[c] immediate after end: writableEnded=", c.writableEnded, "destroyed=", c.destroyed)
            log("[c] write returned", c.write("x", lambda err=None: log("[c] write cb err=", err, msg(err))))
        c.on("end", lambda: setImmediate(later))
    listen(server, on_listening)


@scenario
def write_after_destroy() -> None:
    """§4.5 write after destroy()."""
    def on_connection(s: Any) -> None:
        s.resume()
        s.on("close", lambda: server.close())
    server = net.createServer(on_connection)

    def on_listening(port: int) -> None:
        c = trace("c", net.Socket())

        def on_connect() -> None:
            c.destroy()
            log("[c] write after destroy returned",
                c.write("x", lambda err=None: log("[c] write cb err=", err, msg(err))))
        c.connect(port, "127.0.0.1", on_connect)
    listen(server, on_listening)


@scenario
def timeout() -> None:
    """§4.6 idle timeout; end() in the handler; timeout before connect; setTimeout(0) disables."""
    server = net.createServer(lambda s: s.resume())

    def on_listening(port: int) -> None:
        start = time.monotonic()
        c = trace("c", net.createConnection({"port": port, "host": "127.0.0.1", "timeout": 100}))
        log("[c] socket.timeout property =", c.timeout)

        def on_timeout() -> None:
            ms = (time.monotonic() - start) * 1000
            log("[c] timeout handler: 90 <= elapsed < 2000:", 90 <= ms < 2000, "destroyed=",
                c.destroyed, "-> end()")
            c.end()
        c.on("timeout", on_timeout)

        def on_close() -> None:
            c2 = trace("c2", net.Socket(), ["timeout", "close"])
            log("[c2] fresh socket.timeout =", c2.timeout)

            def c2_timeout() -> None:
                log("[c2] setTimeout callback fired (never connected)")
                c2.setTimeout(0)
                log("[c2] setTimeout(0): timeout =", c2.timeout)
                c3 = trace("c3", net.Socket())

                def c3_connect() -> None:
                    c3.setTimeout(30)
                    c3.setTimeout(0)
                    log("[c3] setTimeout(30) then setTimeout(0)")

                    def later() -> None:
                        log("[c3] no timeout after 150ms -> end()")
                        c3.end()
                    setTimeout(later, 150)
                c3.connect(port, "127.0.0.1", c3_connect)
                c3.on("close", lambda: server.close())
            c2.setTimeout(30, c2_timeout)
        c.on("close", on_close)
    listen(server, on_listening)


@scenario
def server_close_open_conn() -> None:
    """§4.7 server.close() with an open connection; getConnections."""
    server = trace("server", net.createServer())

    def on_connection(sock: Any) -> None:
        trace("srvSock", sock)
        log("[server] calling server.close(cb) with 1 open connection")
        server.close(lambda err=None: log("[server] close callback err=", err))
        log("[server] after close(): listening=", server.listening, "address()=", server.address())

        def on_count(err: Any, n: Any) -> None:
            log("[server] getConnections ->", err, n)
            log("[srvSock] server side ends socket")
            sock.end()
        server.getConnections(on_count)
    server.on("connection", on_connection)

    def on_listening(port: int) -> None:
        c = trace("c", net.Socket())
        c.connect(port, "127.0.0.1")
    listen(server, on_listening)


@scenario
def server_close_not_running() -> None:
    """§4.7 close on a never-listening server; close twice."""
    s2 = trace("s2", net.createServer())
    s2.close(lambda err=None: log("[s2] close cb err=", err, msg(err)))
    s3 = trace("s3", net.createServer())
    s3.close()
    log("[s3] close() without callback: no throw")
    s4 = trace("s4", net.createServer())

    def on_listening(port: int) -> None:
        s4.close(lambda err=None: log("[s4] close cb#1 err=", err))
        s4.close(lambda err=None: log("[s4] close cb#2 err=", err))
        log("[s4] after two close() calls: listening=", s4.listening)
    listen(s4, on_listening)


@scenario
def eaddrinuse() -> None:
    """§4.8 EADDRINUSE, then listen again after the error."""
    s1 = trace("s1", net.createServer())

    def on_listening(port: int) -> None:
        try:
            s1.listen(port, "127.0.0.1")
        except Exception as e:
            log("[s1] listen again threw sync:", e.code, str(e))
        s2 = trace("s2", net.createServer())
        log("[s2] listen returned server?", s2.listen(port, "127.0.0.1") is s2)

        def on_error(e: Any) -> None:
            log("[s2] error handler:", err_info(e), "listening=", s2.listening)

            def relisten(*a: Any) -> None:
                def on_relisten() -> None:
                    log("[s2] relisten OK after error; address port", s2.address().port)
                    s2.close()
                s2.listen(port, "127.0.0.1", on_relisten)
            s1.close(relisten)
        s2.once("error", on_error)
    listen(s1, on_listening)


@scenario
def pause_resume() -> None:
    """§4.9 pause()/resume() with readableLength."""
    def on_connection(s: Any) -> None:
        s.write("chunk1")

        def rest() -> None:
            s.write("chunk2")
            s.end("chunk3")
        setTimeout(rest, 20)  # see the JS: one line for what comes after resume()
        s.on("close", lambda: server.close())
    server = net.createServer(on_connection)

    def on_listening(port: int) -> None:
        c = trace("c", net.Socket(), ["connect", "end", "finish", "close", "pause", "resume"])
        log("[c] before connect: readableFlowing=", c.readableFlowing, "isPaused()=", c.isPaused())
        c.connect(port, "127.0.0.1")
        first = [True]
        rest_read: list[str] = []
        c.on("end", lambda: log("[c] data after resume", "".join(rest_read)))

        def on_data(d: bytes) -> None:
            if not first[0]:
                rest_read.append(d.decode())
                return
            log("[c] data", d, "readableFlowing=", c.readableFlowing)
            if first[0]:
                first[0] = False
                c.pause()
                log("[c] paused: isPaused()=", c.isPaused(), "readableFlowing=", c.readableFlowing)

                def later() -> None:
                    log("[c] resuming; readableLength=", c.readableLength, "readableEnded=",
                        c.readableEnded)
                    c.resume()
                setTimeout(later, 200)
        c.on("data", on_data)
    listen(server, on_listening)


@scenario
def backpressure() -> None:
    """§4.10 back-pressure: write() -> false, then 'drain'."""
    def on_connection(s: Any) -> None:
        log("[srvSock] connection: isPaused()=", s.isPaused(), "readableFlowing=", s.readableFlowing)
        s.on("end", lambda: s.end())
        s.on("close", lambda: server.close())

        def later() -> None:
            log("[srvSock] resumes reading")
            s.resume()
        setTimeout(later, 100)
    server = net.createServer({"pauseOnConnect": True}, on_connection)

    def on_listening(port: int) -> None:
        c = trace("c", net.Socket(), ["connect", "drain", "finish", "end", "close", "error"])

        def on_connect() -> None:
            log("[c] writableHighWaterMark=", c.writableHighWaterMark, "readableHighWaterMark=",
                c.readableHighWaterMark)
            chunk = b"a" * (64 * 1024)
            n = 0
            ok = True
            while ok and n < 10000:
                ok = c.write(chunk)
                n += 1
            log("[c] write() returned false; writableLength>0:", c.writableLength > 0,
                "writableNeedDrain=", c.writableNeedDrain, "bufferSize===writableLength:",
                c.bufferSize == c.writableLength, "bytesWritten===n*64KiB:",
                c.bytesWritten == n * 65536)

            def on_drain() -> None:
                log("[c] drain handler: writableLength=", c.writableLength, "writableNeedDrain=",
                    c.writableNeedDrain)
                c.end()
            c.once("drain", on_drain)
        c.connect(port, "127.0.0.1", on_connect)
        c.resume()
    listen(server, on_listening)


@scenario
def write_returns_true() -> None:
    """§4.10 (s10b) on a drained connection the kernel takes small writes at once."""
    def on_connection(s: Any) -> None:
        s.resume()
        s.on("end", lambda: s.end())
        s.on("close", lambda: server.close())
    server = net.createServer(on_connection)

    def on_listening(port: int) -> None:
        c = trace("c", net.Socket(), ["connect", "finish", "end", "close", "error"])

        def on_connect() -> None:
            hwm = c.writableHighWaterMark
            log("[c] write(hwm-1) returned", c.write(b"b" * (hwm - 1)), "writableLength=",
                c.writableLength)
            log("[c] write(1) returned", c.write("c"), "writableLength=", c.writableLength)
            c.end()
        c.connect(port, "127.0.0.1", on_connect)
        c.resume()
    listen(server, on_listening)


@scenario
def max_connections_drop() -> None:
    """maxConnections = 1 -> 'drop' for the second client."""
    server = trace("server", net.createServer())
    server.maxConnections = 1
    first: list[Any] = []

    def on_connection(s: Any) -> None:
        first.append(s)
        trace("srvSock", s, ["end", "close"])
    server.on("connection", on_connection)

    def on_listening(port: int) -> None:
        c1 = trace("c1", net.Socket(), ["connect", "end", "close"])

        def c1_connect() -> None:
            c2 = trace("c2", net.Socket())
            c2.connect(port, "127.0.0.1", lambda: mask(c2.localPort, "C2PORT"))

            def on_count(err: Any, n: Any) -> None:
                log("[server] getConnections ->", err, n)
                first[0].end()
                server.close()
            c2.on("close", lambda: server.getConnections(on_count))
        c1.connect(port, "127.0.0.1", c1_connect)
    listen(server, on_listening)


@scenario
def ready_state() -> None:
    """readyState / pending / connecting transitions on both ends."""
    def on_connection(s: Any) -> None:
        log("[srvSock] on connection: readyState=", s.readyState, "pending=", s.pending)

        def on_end() -> None:
            log("[srvSock] after peer FIN: readyState=", s.readyState)
            s.end("reply", lambda *a: log("[srvSock] end cb: readyState=", s.readyState))
        s.on("end", on_end)

        def on_close() -> None:
            log("[srvSock] closed: readyState=", s.readyState)
            server.close()
        s.on("close", on_close)
        s.resume()
    server = net.createServer({"allowHalfOpen": True}, on_connection)

    def on_listening(port: int) -> None:
        c = net.Socket()
        log("[client] fresh: readyState=", c.readyState, "pending=", c.pending, "connecting=", c.connecting)

        def on_connect() -> None:
            log("[client] connected: readyState=", c.readyState, "pending=", c.pending, "connecting=",
                c.connecting)
            c.end("req")
            log("[client] after end(): readyState=", c.readyState)
        c.connect(port, "127.0.0.1", on_connect)
        log("[client] after connect(): readyState=", c.readyState, "pending=", c.pending, "connecting=",
            c.connecting)
        c.on("data", lambda d: log("[client] data", d))
        c.on("end", lambda: log("[client] end: readyState=", c.readyState))
        c.on("close", lambda: log("[client] close: readyState=", c.readyState, "destroyed=",
                                  c.destroyed))
    listen(server, on_listening)


@scenario
def reset_and_destroy() -> None:
    """§4.11 (s12) resetAndDestroy(): the peer gets ECONNRESET (syscall 'read')."""
    server = trace("server", net.createServer())

    def on_connection(sock: Any) -> None:
        trace("srvSock", sock)
        sock.write("hi")
        sock.on("error", lambda e: log("[srvSock] error handler:", err_info(e)))
        sock.on("close", lambda: server.close())
    server.on("connection", on_connection)

    def on_listening(port: int) -> None:
        c = trace("c", net.Socket())
        c.connect(port, "127.0.0.1")

        def on_data(d: bytes) -> None:
            log("[c] resetAndDestroy() returned this?", c.resetAndDestroy() is c)
            log("[c] after resetAndDestroy(): destroyed=", c.destroyed, "readyState=",
                c.readyState)
        c.on("data", on_data)
    listen(server, on_listening)


@scenario
def reset_not_connected() -> None:
    """resetAndDestroy() on a socket that never had a handle: ERR_SOCKET_CLOSED."""
    c = trace("c", net.Socket())
    c.resetAndDestroy()
    log("[c] after resetAndDestroy(): destroyed=", c.destroyed)
    c.on("error", lambda e: log("[c] error handler", e.code, str(e)))


@scenario
def ipc_echo_half_close() -> None:
    """Unix socket: echo, then half-close with allowHalfOpen on the server."""
    p = mask(os.path.join(TMP, "trace.sock"), "SOCKPATH")
    server = trace("server", net.createServer({"allowHalfOpen": True}))

    def on_connection(sock: Any) -> None:
        trace("srvSock", sock)
        log("[srvSock] remoteAddress=", sock.remoteAddress, "remotePort=", sock.remotePort)
        sock.on("data", lambda d: sock.write(d))

        def on_end() -> None:
            log("[srvSock] end handler: readyState=", sock.readyState)
            sock.end("tail")
        sock.on("end", on_end)
        sock.on("close", lambda: server.close())
    server.on("connection", on_connection)

    def on_listening() -> None:
        log("[server] address()=", server.address())
        c = trace("c", net.Socket())
        c.connect(p, lambda: c.write("ping"))
        log("[c] after connect(path): connecting=", c.connecting)
        n = [0]

        def on_data(d: bytes) -> None:
            n[0] += 1
            if n[0] == 1:
                c.end()
                log("[c] after end(): readyState=", c.readyState)
        c.on("data", on_data)
    server.listen(p, on_listening)


@scenario
def ipc_reset_throws() -> None:
    """resetAndDestroy() on a Unix socket throws ERR_INVALID_HANDLE_TYPE."""
    p = mask(os.path.join(TMP, "trace.sock"), "SOCKPATH")

    def on_connection(sock: Any) -> None:
        sock.resume()
        sock.on("close", lambda: server.close())
    server = net.createServer(on_connection)

    def on_listening() -> None:
        c = trace("c", net.Socket())

        def on_connect() -> None:
            try:
                c.resetAndDestroy()
                log("[c] no throw")
            except Exception as e:
                log("[c] resetAndDestroy threw", getattr(e, "code", None), str(e))
            c.end()
        c.connect(p, on_connect)
    server.listen(p, on_listening)


@scenario
def ipc_eaddrinuse() -> None:
    """§4.8 IPC variant of EADDRINUSE."""
    p = mask(os.path.join(TMP, "trace.sock"), "SOCKPATH")
    s1 = trace("s1", net.createServer())

    def on_listening() -> None:
        s2 = trace("s2", net.createServer())
        s2.listen(p)

        def on_error(e: Any) -> None:
            log("[s2] error handler:", err_info(e), "listening=", s2.listening)

            def relisten(*a: Any) -> None:
                def on_relisten() -> None:
                    log("[s2] relisten OK:", s2.address())
                    s2.close()
                s2.listen(p, on_relisten)
            s1.close(relisten)
        s2.once("error", on_error)
    s1.listen(p, on_listening)


@scenario
def encoding_split() -> None:
    """setEncoding('utf8'): a multi-byte character split across two TCP chunks arrives whole."""
    euro = "a€b".encode()

    def on_connection(sock: Any) -> None:
        sock.write(euro[:2])
        setTimeout(lambda: sock.end(euro[2:]), 30)
        sock.on("close", lambda: server.close())
    server = net.createServer(on_connection)

    def on_listening(port: int) -> None:
        c = trace("c", net.Socket(), ["connect", "data", "end", "close"])
        log("[c] setEncoding returned this?", c.setEncoding("utf8") is c, "readableEncoding=",
            c.readableEncoding)
        c.connect(port, "127.0.0.1")
    listen(server, on_listening)


@scenario
def write_encodings_cork() -> None:
    """write() with encodings and byte types; cork()/uncork() coalesce."""
    def on_connection(sock: Any) -> None:
        trace("srvSock", sock, ["data", "end", "close"])
        sock.on("end", lambda: server.close())
    server = net.createServer(on_connection)

    def on_listening(port: int) -> None:
        c = trace("c", net.Socket(), ["connect", "finish", "close"])

        def on_connect() -> None:
            c.cork()
            log("[c] corked: writableCorked=", c.writableCorked)
            c.write("68656c6c6f", "hex")
            c.write(" ")
            c.write("d29ybGQ=", "base64")
            c.write(bytes([0x21]))
            c.write("é", "latin1")
            log("[c] before uncork: writableLength=", c.writableLength)
            c.uncork()
            log("[c] uncorked: writableCorked=", c.writableCorked)
            c.end()
        c.connect(port, "127.0.0.1", on_connect)
        c.resume()
    listen(server, on_listening)


@scenario
def end_variants() -> None:
    """end() variants: end(data, cb), end(cb) again while ending, end(cb) after 'finish'."""
    def on_connection(sock: Any) -> None:
        trace("srvSock", sock, ["data", "end", "close"])
        sock.on("close", lambda: server.close())
    server = net.createServer(on_connection)

    def on_listening(port: int) -> None:
        c = trace("c", net.Socket(), ["connect", "finish", "end", "close", "error"])

        def on_connect() -> None:
            log("[c] end(data, cb) returned this?",
                c.end("last", lambda err=None: log("[c] end cb#1 err=", err)) is c)
            c.end(lambda err=None: log("[c] end cb#2 err=", err))
            log("[c] writableEnded=", c.writableEnded, "writableFinished=", c.writableFinished)
        c.connect(port, "127.0.0.1", on_connect)

        def on_finish() -> None:
            log("[c] in finish: writableFinished=", c.writableFinished)
            c.end(lambda err=None: log("[c] end cb#3 err=", err, msg(err)))
        c.on("finish", on_finish)
        c.resume()
    listen(server, on_listening)


@scenario
def end_while_connecting() -> None:
    """end() and a large write while still connecting."""
    def on_connection(sock: Any) -> None:
        n = [0]

        def on_data(d: bytes) -> None:
            n[0] += len(d)
        sock.on("data", on_data)
        sock.on("end", lambda: log("[srvSock] end: received", n[0]))
        sock.on("close", lambda: server.close())
    server = net.createServer(on_connection)

    def on_listening(port: int) -> None:
        c = trace("c", net.Socket(), ["connectionAttempt", "connect", "ready", "drain", "finish",
                                      "end", "close", "error"])
        c.connect(port, "127.0.0.1")
        log("[c] big write while connecting returned", c.write(b"x" * 100000),
            "writableLength=", c.writableLength, "bytesWritten=", c.bytesWritten,
            "bufferSize=", c.bufferSize)
        c.end("tail")
        log("[c] after end(): writableEnded=", c.writableEnded, "readyState=", c.readyState)
        c.resume()
    listen(server, on_listening)


def _dual_lookup(host: str, opts: Any, cb: Callable[..., None]) -> None:
    addresses = [{"address": "::1", "family": 6}, {"address": "127.0.0.1", "family": 4}]
    setTimeout(lambda: cb(None, addresses), 1)


@scenario
def auto_select_family_refused() -> None:
    """Auto-select family with a custom lookup returning ::1 and 127.0.0.1, nothing listening."""
    def go(port: int) -> None:
        def lookup(host: str, opts: Any, cb: Callable[..., None]) -> None:
            log("[c] lookup called host=", host, "all=", opts["all"])
            _dual_lookup(host, opts, cb)
        c = trace("c", net.Socket())
        c.connect({"port": port, "host": "dual.test", "lookup": lookup,
                   "autoSelectFamily": True})
        c.on("error", lambda e: log("[c] error handler: name=", type(e).__name__, "code=", e.code,
                                    "errors=", "; ".join(str(x) for x in e.errors)))
        c.on("close", lambda: log("[c] autoSelectFamilyAttemptedAddresses=",
                                  ",".join(c.autoSelectFamilyAttemptedAddresses)))
    closed_port(go)


@scenario
def auto_select_family_fallback() -> None:
    """Auto-select family: ::1 refused, falls back to 127.0.0.1."""
    def on_connection(sock: Any) -> None:
        sock.end()
        sock.on("close", lambda: server.close())
    server = net.createServer(on_connection)

    def on_listening(port: int) -> None:
        c = trace("c", net.Socket())
        c.connect({"port": port, "host": "dual.test", "lookup": _dual_lookup,
                   "autoSelectFamily": True},
                  lambda: log("[c] connected: attempted=",
                              ",".join(c.autoSelectFamilyAttemptedAddresses),
                              "remote=", c.remoteAddress, c.remoteFamily))
    listen(server, on_listening)


class _LookupError(Exception):
    def __init__(self, host: str) -> None:
        super().__init__(f"getaddrinfo ENOTFOUND {host}")
        self.code = "ENOTFOUND"
        self.syscall = "getaddrinfo"
        self.hostname = host


@scenario
def lookup_error() -> None:
    """A lookup that fails: 'lookup' with the error, then 'error', then 'close'."""
    def lookup(host: str, opts: Any, cb: Callable[..., None]) -> None:
        setTimeout(lambda: cb(_LookupError(host)), 1)
    c = trace("c", net.Socket())
    c.connect({"port": 80, "host": "nohost.test", "lookup": lookup, "autoSelectFamily": False})
    c.on("error", lambda e: log("[c] error handler:", e.code, str(e)))


@scenario
def addresses() -> None:
    """address(), local*/remote* on both ends, IPv4 and IPv6 loopback."""
    def run(host: str, nxt: Callable[..., None]) -> None:
        def on_connection(sock: Any) -> None:
            log(f"[srvSock {host}] address()=", sock.address(), "remote=", sock.remoteAddress,
                sock.remoteFamily)
            sock.end()
            server.close(nxt)
        server = net.createServer(on_connection)

        def on_listening() -> None:
            a = server.address()
            mask(a.port, "PORT")
            log(f"[server {host}] address()=", a)

            def on_connect() -> None:
                mask(c.localPort, "CPORT")
                log(f"[c {host}] address()=", c.address(), "local=", c.localAddress,
                    c.localFamily, "remote=", c.remoteAddress, c.remotePort, c.remoteFamily)
            c = net.connect(a.port, host, on_connect)
            c.resume()
        server.listen(0, host, on_listening)
    run("127.0.0.1", lambda *a: run("::1", lambda *a: log("done")))


@scenario
def destroy_soon() -> None:
    """destroySoon(): ends, then destroys after 'finish'."""
    def on_connection(sock: Any) -> None:
        trace("srvSock", sock, ["data", "end", "close"])
        sock.on("close", lambda: server.close())
    server = net.createServer(on_connection)

    def on_listening(port: int) -> None:
        c = trace("c", net.Socket())

        def on_connect() -> None:
            c.write("soon")
            c.destroySoon()
            log("[c] after destroySoon(): writableEnded=", c.writableEnded, "destroyed=",
                c.destroyed)
        c.connect(port, "127.0.0.1", on_connect)
    listen(server, on_listening)


@scenario
def server_destroys_in_connection() -> None:
    """A server-side socket destroyed in the 'connection' listener: the client sees a plain end."""
    server = trace("server", net.createServer())

    def on_connection(sock: Any) -> None:
        trace("srvSock", sock)
        sock.destroy()
        log("[srvSock] destroyed=", sock.destroyed)
        server.close()
    server.on("connection", on_connection)

    def on_listening(port: int) -> None:
        c = trace("c", net.Socket())
        c.connect(port, "127.0.0.1")
    listen(server, on_listening)


@scenario
def pipe_echo() -> None:
    """pipe(): an echo server made with sock.pipe(sock); 'pipe'/'unpipe' on the destination."""
    def on_connection(sock: Any) -> None:
        trace("srvSock", sock, ["pipe", "unpipe", "end", "finish", "close"])
        sock.pipe(sock)
        sock.on("close", lambda: server.close())
    server = net.createServer(on_connection)

    def on_listening(port: int) -> None:
        c = trace("c", net.Socket())
        c.connect(port, "127.0.0.1", lambda: c.end("echo me"))
    listen(server, on_listening)


@scenario
def pause_on_connect() -> None:
    """pauseOnConnect: nothing is read until resume()."""
    def on_connection(sock: Any) -> None:
        trace("srvSock", sock)
        log("[srvSock] isPaused()=", sock.isPaused(), "readableFlowing=", sock.readableFlowing)

        def later() -> None:
            log("[srvSock] bytesRead before resume=", sock.bytesRead)
            sock.resume()
        setTimeout(later, 50)
        sock.on("close", lambda: server.close())
    server = net.createServer({"pauseOnConnect": True}, on_connection)

    def on_listening(port: int) -> None:
        c = trace("c", net.Socket())
        c.connect(port, "127.0.0.1", lambda: c.end("paused data"))
    listen(server, on_listening)


@scenario
def timeout_rearm() -> None:
    """Idle timeout re-arming: 'timeout' once per idle period; a write re-arms it.

    The periods are wide (300 ms timeout, write at 1 s, end at 2 s) so that a loaded machine
    delaying the connect or a timer by a few hundred ms can't reorder the events.
    """
    def on_connection(sock: Any) -> None:
        sock.resume()
        sock.on("end", lambda: sock.end())
        sock.on("close", lambda: server.close())
    server = net.createServer(on_connection)

    def on_listening(port: int) -> None:
        c = trace("c", net.Socket(), ["connect", "timeout", "finish", "end", "close"])
        start = time.monotonic()
        c.setTimeout(300)
        c.connect(port, "127.0.0.1")
        c.resume()

        def write() -> None:
            log("[c] write at", ">=1000ms" if time.monotonic() - start >= 1.0 else "<1000ms")
            c.write("x")

        def end() -> None:
            log("[c] end")
            c.end()
        setTimeout(write, 1000)
        setTimeout(end, 2000)
    listen(server, on_listening)


@scenario
def listen_variants() -> None:
    """listen() overloads and address(); a host name is looked up asynchronously."""
    s1 = trace("s1", net.createServer())

    def s1_listening() -> None:
        log("[s1] address()=", mask(s1.address().port, "P1") and s1.address())
        s2 = trace("s2", net.createServer())
        s2.listen(0, "localhost", 511)
        log('[s2] sync after listen(0, "localhost"): address()=', s2.address(), "listening=",
            s2.listening)

        def s2_listening() -> None:
            log("[s2] address()=", mask(s2.address().port, "P2") and s2.address())
            s3 = trace("s3", net.createServer())

            def s3_listening() -> None:
                log("[s3] address()=", mask(s3.address().port, "P3") and s3.address())
                s1.close()
                s2.close()
                s3.close()
            s3.listen(s3_listening)
        s2.on("listening", s2_listening)
    s1.listen({"port": 0, "host": "127.0.0.1"}, s1_listening)


@scenario
def unref_exits() -> None:
    """Unref'd server and socket do not keep the program running; a ref'd timer does."""
    def on_connection(sock: Any) -> None:
        log("[server] connection; unref the socket")
        sock.unref()
    server = trace("server", net.createServer(on_connection))

    def on_listening(port: int) -> None:
        log("[server] unref returned this?", server.unref() is server)
        c = trace("c", net.Socket(), ["connect", "close"])

        def on_connect() -> None:
            log("[c] unref returned this?", c.unref() is c)
            setTimeout(lambda: log("[*] last ref'd timer"), 50)
        c.connect(port, "127.0.0.1", on_connect)
    listen(server, on_listening)


if __name__ == "__main__":
    main(S)
