"""The README demo and the timers example run and print what they should."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_readme_demo_shows_the_whole_exchange() -> None:
    env = dict(os.environ, PYNET_SEED_PORT="0")  # The server takes any port, the client follows.
    proc = subprocess.run([sys.executable, str(ROOT / "examples" / "demo.py")],
                          capture_output=True, text=True, timeout=60, env=env, check=True)
    lines = proc.stdout.splitlines()
    port = int(lines[0].rpartition(":")[2])
    assert port > 0
    assert lines[0] == f"[server] Server listening on 127.0.0.1:{port}"
    server = [line for line in lines if line.startswith("[server]")]
    client = [line for line in lines if line.startswith("[client]")]
    assert client == [f"[client] CONNECTED TO: 127.0.0.1:{port}",
                      '[client] DATA: You said "I am Chuck Norris!"',
                      "[client] Connection closed"]
    assert server[1].startswith("[server] CONNECTED: 127.0.0.1:")
    assert server[2] == "[server] DATA 127.0.0.1: I am Chuck Norris!"
    assert server[3].startswith("[server] CLOSED: 127.0.0.1 ")
