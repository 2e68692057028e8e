"""examples/daemon.py end to end: cluster + systemd notify + graceful shutdown on SIGTERM.

Two workers behind the primary; READY=1 reaches NOTIFY_SOCKET once both
listen; a slow request is in flight when the primary gets SIGTERM: the reply
arrives whole, STOPPING=1 is sent, every process exits with code 0.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 30


def test_daemon_drains_on_sigterm() -> None:
    notify = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    name = f"\0pynet-daemon-{os.getpid()}-{time.monotonic_ns()}"
    notify.bind(name)
    notify.settimeout(TIMEOUT)
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "examples" / "daemon.py"), "--port", "0", "--workers", "2",
         "--log"], stdout=subprocess.PIPE, text=True,
        env={**os.environ, "NOTIFY_SOCKET": "@" + name[1:]})
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.startswith("listening on "), line
        port = int(line.split()[-1])
        assert notify.recv(4096).startswith(b"READY=1\nSTATUS=listening on ")
        with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as idle, \
                socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as client:
            client.sendall(b"slow job")
            assert proc.stdout.readline().startswith("request ")  # In flight now.
            proc.send_signal(signal.SIGTERM)
            reply = b""
            while chunk := client.recv(100):
                reply += chunk
            assert reply.endswith(b": slow job") and reply.split(b":")[0].isdigit()
            assert idle.recv(100) == b""  # The idle connection was ended, not left open.
        assert notify.recv(4096) == b"STOPPING=1"
        assert proc.wait(TIMEOUT) == 0
        # Both workers drained and exited 0; none was respawned.
        assert sorted(proc.stdout.read().splitlines()) == ["worker 1 exited with 0",
                                                           "worker 2 exited with 0"]
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()
        notify.close()
