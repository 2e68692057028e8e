"""pynet.systemd: socket activation and sd_notify, with real processes.

Socket activation runs under ``systemd-socket-activate`` where it is
installed (it listens on a Unix socket in a tmp dir, starts the script on the
first connection with ``LISTEN_FDS``/``LISTEN_PID``/``LISTEN_FDNAMES``), and
otherwise with the same environment set by the test and the descriptor
passed as 3.  ``NOTIFY_SOCKET`` is a datagram socket the test binds, by path
and by abstract name.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest

from pynet import errors, systemd

TIMEOUT = 30

SERVICE = textwrap.dedent("""
    import json, os
    from pynet import net, run, systemd
    [(fd, name)] = systemd.listenFdsWithNames()
    def on_connection(sock):
        sock.end(json.dumps({'name': name, 'fd': fd, 'pid_ok': os.environ.get('LISTEN_PID') == str(os.getpid())}))
        server.close()
    server = net.createServer(on_connection)
    server.listen({'fd': fd})
    server.on('listening', lambda: systemd.notify('READY=1\\nSTATUS=serving'))
    server.on('close', lambda: systemd.notify('STOPPING=1'))
    run()
""")


def _datagram(tmp_path: Path, abstract: bool) -> tuple[socket.socket, str]:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    if abstract:
        name = f"\0pynet-test-{os.getpid()}-{time.monotonic_ns()}"
        sock.bind(name)
        return sock, "@" + name[1:]
    path = str(tmp_path / "notify")
    sock.bind(path)
    return sock, path


def _connect_when_ready(path: str, proc: subprocess.Popen[bytes]) -> bytes:
    deadline = time.monotonic() + TIMEOUT
    while not os.path.exists(path):
        assert proc.poll() is None and time.monotonic() < deadline
        time.sleep(0.02)
    client = socket.socket(socket.AF_UNIX)
    client.settimeout(TIMEOUT)
    try:
        while True:  # The path exists from bind(); connect is refused until listen().
            try:
                client.connect(path)
                break
            except ConnectionRefusedError:
                assert proc.poll() is None and time.monotonic() < deadline
                time.sleep(0.02)
        chunks = []
        while chunk := client.recv(4096):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        client.close()


ACTIVATE = shutil.which("systemd-socket-activate")

#: Without systemd: what the service manager does, done by the test (the
#: listening socket moved to descriptor 3, LISTEN_* set for the new process).
BY_HAND = textwrap.dedent("""
    import os, runpy, sys
    os.dup2(int(os.environ.pop('TEST_FD')), 3)
    os.environ.update(LISTEN_PID=str(os.getpid()), LISTEN_FDS='1', LISTEN_FDNAMES='web')
    runpy.run_path(sys.argv[1], run_name='__main__')
""")


@pytest.mark.parametrize("abstract", [False, True], ids=["path", "abstract"])
@pytest.mark.parametrize("activator", ["systemd-socket-activate", "environment"])
def test_socket_activation_and_notify(tmp_path: Path, abstract: bool, activator: str) -> None:
    if activator != "environment" and ACTIVATE is None:
        pytest.skip("systemd-socket-activate is not installed")
    script = tmp_path / "service.py"
    script.write_text(SERVICE)
    notify, notify_name = _datagram(tmp_path, abstract)
    listen_path = str(tmp_path / "svc.sock")
    listener: socket.socket | None = None
    if activator != "environment":
        assert ACTIVATE is not None
        proc = subprocess.Popen([ACTIVATE, "-l", listen_path, "--fdname=web",
                                 "-E", f"NOTIFY_SOCKET={notify_name}",
                                 "-E", f"PYTHONPATH={os.pathsep.join(sys.path)}",
                                 sys.executable, str(script)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    else:
        listener = socket.socket(socket.AF_UNIX)
        listener.bind(listen_path)
        listener.listen(8)
        proc = subprocess.Popen([sys.executable, "-c", BY_HAND, str(script)],
                                env={**os.environ, "NOTIFY_SOCKET": notify_name,
                                     "TEST_FD": str(listener.fileno())},
                                pass_fds=[listener.fileno()])
    try:
        reply = _connect_when_ready(listen_path, proc)
        notify.settimeout(TIMEOUT)
        messages = [notify.recv(4096), notify.recv(4096)]
        assert proc.wait(TIMEOUT) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        notify.close()
        if listener is not None:
            listener.close()
    assert reply == b'{"name": "web", "fd": 3, "pid_ok": true}'
    assert messages == [b"READY=1\nSTATUS=serving", b"STOPPING=1"]


def test_listen_fds_needs_our_pid(monkeypatch: Any) -> None:
    monkeypatch.setenv("LISTEN_FDS", "2")
    monkeypatch.setenv("LISTEN_PID", str(os.getpid() + 1))
    assert systemd.listenFds() == []
    monkeypatch.delenv("LISTEN_PID")
    assert systemd.listenFds() == []


def test_listen_fds_sets_cloexec_and_unsets(monkeypatch: Any) -> None:
    r, w = os.pipe()
    saved = os.dup(3) if _is_open(3) else None
    try:
        os.dup2(r, 3, inheritable=True)
        monkeypatch.setenv("LISTEN_FDS", "1")
        monkeypatch.setenv("LISTEN_PID", str(os.getpid()))
        monkeypatch.setenv("LISTEN_FDNAMES", "")
        assert systemd.listenFdsWithNames(unsetEnvironment=True) == [(3, "unknown")]
        assert not os.get_inheritable(3)
        assert "LISTEN_FDS" not in os.environ and "LISTEN_PID" not in os.environ
        assert systemd.listenFds() == []
    finally:
        if saved is not None:
            os.dup2(saved, 3, inheritable=False)
            os.close(saved)
        else:
            os.close(3)
        os.close(r)
        os.close(w)


def _is_open(fd: int) -> bool:
    try:
        os.fstat(fd)
    except OSError:
        return False
    return True


def test_notify_without_socket_and_errors(monkeypatch: Any, tmp_path: Path) -> None:
    monkeypatch.delenv("NOTIFY_SOCKET", raising=False)
    assert systemd.notify("READY=1") is False
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
        systemd.notify(1)  # type: ignore[arg-type]
    monkeypatch.setenv("NOTIFY_SOCKET", str(tmp_path / "nobody"))
    with pytest.raises(FileNotFoundError) as info:
        systemd.notify("WATCHDOG=1")
    assert info.value.code == "ENOENT" and info.value.syscall == "sd_notify"  # type: ignore[attr-defined]


def test_watchdog_interval(monkeypatch: Any) -> None:
    monkeypatch.delenv("WATCHDOG_USEC", raising=False)
    assert systemd.watchdogInterval() is None
    monkeypatch.setenv("WATCHDOG_USEC", "3000000")
    monkeypatch.setenv("WATCHDOG_PID", str(os.getpid()))
    assert systemd.watchdogInterval() == 3000
    monkeypatch.setenv("WATCHDOG_PID", str(os.getpid() + 1))
    assert systemd.watchdogInterval() is None
