"""The seed programs print what the Node originals print, each side against the other.

Four pairings of the seed server and client: pynet↔pynet, pynet server ↔ node
client, node server ↔ pynet client, node↔node (the reference).  The server
listens on port 0 and its first line tells the client the port it got; ports
differ run to run, so they are masked.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
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
    try:
        assert server.stdout is not None
        first = server.stdout.readline()  # Server listening on 127.0.0.1:<port>
        port = first.strip().rpartition(":")[2]
        env = dict(os.environ, PORT=port, PYNET_SEED_PORT=port)
        client = subprocess.run(_client_cmd(client_kind, node), capture_output=True, text=True,
                                timeout=30, env=env, cwd=ROOT)
        assert client.returncode == 0, client.stderr
    finally:
        server.terminate()
        rest, _ = server.communicate(timeout=10)
    mask = lambda text: re.sub(r"\b\d{4,5}\b", "PORT", text)  # noqa: E731
    return mask(first + rest).splitlines(), mask(client.stdout).splitlines()


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
