"""The seed programs print what the Node originals print, each side against the other.

Four pairings of the seed server and client: pynet↔pynet, pynet server ↔ node
client, node server ↔ pynet client, node↔node (the reference).  The server
listens on port 0 and its first line tells the client the port it got; ports
differ run to run, so they are masked.  The server is stopped once it has
printed the close, not as soon as the client exits (that raced under load).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
JS = ROOT / "tests" / "interop" / "js"


def _server_cmd(kind: str, node: str) -> list[str]:
    if kind == "node":
        return [node, str(JS / "seed_server.js")]
    return [sys.executable, str(EXAMPLES / "seed_server.py")]


def _client_cmd(kind: str, node: str) -> list[str]:
    if kind == "node":
        return [node, str(JS / "seed_client.js")]
    return [sys.executable, str(EXAMPLES / "seed_client.py")]


def _exchange(server_kind: str, client_kind: str, node: str) -> tuple[list[str], list[str]]:
    env = dict(os.environ, PORT="0", PYNET_SEED_PORT="0")
    server = subprocess.Popen(_server_cmd(server_kind, node), stdout=subprocess.PIPE, text=True,
                              env=env, cwd=ROOT)
    lines: list[str] = []
    closed = threading.Event()

    def read_server() -> None:
        assert server.stdout is not None
        for line in server.stdout:
            lines.append(line)
            if line.startswith("CLOSED"):
                closed.set()

    reader = threading.Thread(target=read_server)
    reader.start()
    try:
        deadline = time.monotonic() + 30
        while not lines and reader.is_alive() and time.monotonic() < deadline:
            time.sleep(0.01)
        assert lines, "the server printed nothing"
        port = lines[0].strip().rpartition(":")[2]  # Server listening on 127.0.0.1:<port>
        env = dict(os.environ, PORT=port, PYNET_SEED_PORT=port)
        client = subprocess.run(_client_cmd(client_kind, node), capture_output=True, text=True,
                                timeout=30, env=env, cwd=ROOT)
        assert client.returncode == 0, client.stderr
        closed.wait(30)  # The server reports the close before it is stopped, however loaded.
    finally:
        server.terminate()
        server.wait(timeout=10)
        reader.join(timeout=10)
        if server.stdout is not None:
            server.stdout.close()
    mask = lambda text: re.sub(r"\b\d{4,5}\b", "PORT", text)  # noqa: E731
    return mask("".join(lines)).splitlines(), mask(client.stdout).splitlines()


@pytest.mark.interop
@pytest.mark.parametrize("server_kind, client_kind", [
    ("pynet", "pynet"), ("pynet", "node"), ("node", "pynet")])
def test_seed_exchange_matches_node(node: str, server_kind: str, client_kind: str) -> None:
    expected = _exchange("node", "node", node)
    assert _exchange(server_kind, client_kind, node) == expected
    server_lines, client_lines = expected
    assert server_lines == [
        "Server listening on 127.0.0.1:PORT",
        "CONNECTED: 127.0.0.1:PORT",
        "DATA 127.0.0.1: I am Chuck Norris!",
        "CLOSED: 127.0.0.1 PORT",
    ]
    assert client_lines == [
        "CONNECTED TO: 127.0.0.1:PORT",
        'DATA: You said "I am Chuck Norris!"',
        "Connection closed",
    ]
