"""pynet.shutdown: graceful shutdown with replies in flight (real signals, real sockets).

In-process tests send SIGTERM to the test process itself (pynet's signal
listener turns it into an event on the loop) with ``exitProcess=False``; one
test runs a daemon script in a subprocess and checks its exit code.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pynet
from pynet import net, shutdown

TIMEOUT = 30


def slow_echo_server(delay_ms: float, helper_box: list[Any] | None = None) -> net.Server:
    """Replies ``b'reply:' + request`` after ``delay_ms``, in two writes (in flight meanwhile).

    With a helper in ``helper_box``, each request is declared with ``helper.request``.
    """
    def on_connection(sock: Any) -> None:
        def on_data(data: bytes) -> None:
            done = helper_box[0].request(sock) if helper_box else (lambda: None)
            sock.write(b"reply:")
            timer = pynet.setTimeout(lambda: (sock.write(data), done()), delay_ms)
            sock.on("close", lambda: pynet.clearTimeout(timer))  # The program's own cleanup.
        sock.on("data", on_data)
        sock.on("error", lambda e: None)
    return net.createServer(on_connection)


def test_idle_ended_busy_finished_new_refused(loop: Any) -> None:
    box: list[Any] = []
    server = slow_echo_server(300, box)
    helper = shutdown.gracefulShutdown(server, timeout=5000, exitProcess=False)
    box.append(helper)
    log: list[Any] = []
    helper.on("shutdown", lambda: log.append("shutdown"))
    helper.on("done", lambda forced: log.append(("done", forced)))

    port: list[int] = []

    def client(name: str, request: bytes | None) -> Any:
        c = net.connect(port[0], "127.0.0.1")
        got: list[bytes] = []
        c.on("data", got.append)
        c.on("end", lambda: (log.append((name, b"".join(got))), c.end()))
        c.on("error", lambda e: log.append((name, e.code)))
        if request is not None:
            c.on("connect", lambda: c.write(request))
        return c

    def start() -> None:
        port.append(server.address()["port"])
        client("idle", None)
        busy = client("busy", b"work")
        busy.once("data", lambda d: os.kill(os.getpid(), signal.SIGTERM))
        helper.once("shutdown", lambda: pynet.setTimeout(lambda: client("late", b"x"), 20))

    server.listen(0, "127.0.0.1", start)
    pynet.run()
    assert log[0] == "shutdown"
    assert ("idle", b"") in log
    assert ("busy", b"reply:work") in log  # The reply in flight was not lost.
    assert ("late", "ECONNREFUSED") in log
    assert log[-1] == ("done", 0)
    assert log.index(("idle", b"")) < log.index(("busy", b"reply:work"))
    assert not server.listening and helper.connections == []
    assert not pynet.process.listenerCount("SIGTERM")


def test_default_rule_waits_for_a_one_write_reply(loop: Any) -> None:
    def on_connection(sock: Any) -> None:
        sock.on("data", lambda data: pynet.setTimeout(lambda: sock.write(b"ok:" + data), 200))
    server = net.createServer(on_connection)
    helper = shutdown.gracefulShutdown(server, timeout=5000, exitProcess=False)
    got: list[bytes] = []

    def start() -> None:
        c = net.connect(server.address()["port"], "127.0.0.1")
        c.on("connect", lambda: (c.write(b"q"), pynet.setTimeout(helper.shutdown, 50)))
        c.on("data", got.append)
        c.on("end", lambda: c.end())

    server.listen(0, "127.0.0.1", start)
    pynet.run()
    assert b"".join(got) == b"ok:q"


def test_deadline_destroys_what_is_left(loop: Any) -> None:
    box: list[Any] = []
    server = slow_echo_server(60000, box)  # Never finishes within the deadline.
    helper = shutdown.gracefulShutdown(server, timeout=100, exitProcess=False)
    box.append(helper)
    log: list[Any] = []
    helper.on("done", lambda forced: log.append(("done", forced)))

    def start() -> None:
        c = net.connect(server.address()["port"], "127.0.0.1")
        c.on("connect", lambda: c.write(b"stuck"))
        c.once("data", lambda d: helper.shutdown())
        c.on("close", lambda: log.append("client closed"))
        c.on("error", lambda e: log.append(e.code))

    server.listen(0, "127.0.0.1", start)
    pynet.run()
    assert ("done", 1) in log and "client closed" in log


def test_custom_idle_rule(loop: Any) -> None:
    server = net.createServer(lambda sock: sock.on("data", lambda d: None))
    helper = shutdown.gracefulShutdown(server, timeout=5000, exitProcess=False,
                                       isIdle=lambda sock: True)
    ended: list[bool] = []

    def start() -> None:
        c = net.connect(server.address()["port"], "127.0.0.1")
        c.on("connect", lambda: c.write(b"no reply expected"))
        c.on("end", lambda: (ended.append(True), c.end()))
        pynet.setTimeout(helper.shutdown, 50)

    server.listen(0, "127.0.0.1", start)
    pynet.run()
    assert ended == [True]


def test_daemon_exits_zero_after_sigterm_with_reply_in_flight(tmp_path: Path) -> None:
    script = tmp_path / "daemon.py"
    script.write_text(textwrap.dedent("""
        from pynet import net, run, setTimeout, setInterval, shutdown
        def on_connection(sock):
            def on_data(data):
                print('request', flush=True)
                setTimeout(lambda: sock.write(b'done:' + data), 300)
            sock.on('data', on_data)
        server = net.createServer(on_connection)
        shutdown.gracefulShutdown(server, timeout=5000)
        setInterval(lambda: None, 1000)  # Other work that would keep the loop alive.
        server.listen(0, '127.0.0.1', lambda: print(server.address()['port'], flush=True))
        run()
    """))
    proc = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        port = int(proc.stdout.readline())
        import socket as _socket
        with _socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as client:
            client.sendall(b"job")
            assert proc.stdout.readline().strip() == "request"
            proc.send_signal(signal.SIGTERM)
            reply = b""
            while chunk := client.recv(100):
                reply += chunk
        assert reply == b"done:job"
        assert proc.wait(TIMEOUT) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()
