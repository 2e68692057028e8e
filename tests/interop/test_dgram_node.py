"""pynet's dgram against node's dgram, both ways, on 127.0.0.1 and ::1.

Each exchange runs js/dgram_peer.js (node) or py/dgram_peer.py (pynet, the same
program line for line) as the server and as the client, each a subprocess that
prints its events as JSON lines.  The server echoes every datagram; the client
sends six (a string, a list of strings, an empty one, 1 KiB, 60000 bytes, 'bye'),
unconnected or connected, then opens a connected socket to a closed port and
gets 'error' ECONNREFUSED (ICMP port unreachable).  Every pairing with pynet on
one side must print exactly what the node↔node pairing prints, line for line.
"""

from __future__ import annotations

import functools
import json
import selectors
import shutil
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
TIMEOUT = 30

pytestmark = [pytest.mark.interop,
              pytest.mark.skipif(shutil.which("node") is None, reason="node is not on PATH")]


def _has_ipv6_loopback() -> bool:
    try:
        with socket.socket(socket.AF_INET6, socket.SOCK_DGRAM) as s:
            s.bind(("::1", 0))
        return True
    except OSError:
        return False


FAMILIES = [("udp4", "127.0.0.1"), pytest.param(
    "udp6", "::1", marks=pytest.mark.skipif(not _has_ipv6_loopback(), reason="no ::1"))]


def _cmd(kind: str, role: str, cfg: dict[str, Any]) -> list[str]:
    if kind == "node":
        return [str(shutil.which("node")), str(HERE / "js" / "dgram_peer.js"), role,
                json.dumps(cfg)]
    return [sys.executable, str(HERE / "py" / "dgram_peer.py"), role, json.dumps(cfg)]


def _trace(text: str) -> list[Any]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@functools.cache
def exchange(server: str, client: str, kind: str, host: str,
             connect: bool) -> tuple[list[Any], list[Any]]:
    """Run one exchange; returns (server trace, client trace)."""
    with subprocess.Popen(_cmd(server, "server", {"type": kind, "host": host}),
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as srv:
        try:
            assert srv.stdout is not None and srv.stderr is not None
            with selectors.DefaultSelector() as sel:
                sel.register(srv.stdout, selectors.EVENT_READ)
                assert sel.select(TIMEOUT), "the server printed no port"
            port = json.loads(srv.stdout.readline())["port"]
            cli = subprocess.run(_cmd(client, "client", {"type": kind, "host": host,
                                                         "port": port, "connect": connect}),
                                 capture_output=True, text=True, timeout=TIMEOUT)
            assert cli.returncode == 0, cli.stderr
            # The traces are small: wait, then read what is left (communicate()
            # would skip what readline() already buffered).
            srv.wait(timeout=TIMEOUT)
            out = srv.stdout.read()
            assert srv.returncode == 0, srv.stderr.read()
        finally:
            if srv.poll() is None:
                srv.kill()
    return _trace(out), _trace(cli.stdout)


@pytest.mark.parametrize(("kind", "host"), FAMILIES)
@pytest.mark.parametrize("connect", [False, True], ids=["unconnected", "connected"])
@pytest.mark.parametrize(("server", "client"), [("pynet", "node"), ("node", "pynet"),
                                                ("pynet", "pynet")])
def test_traces_equal_node(server: str, client: str, kind: str, host: str,
                           connect: bool) -> None:
    reference = exchange("node", "node", kind, host, connect)
    got = exchange(server, client, kind, host, connect)
    assert got[0] == reference[0], "server trace differs from node's"
    assert got[1] == reference[1], "client trace differs from node's"


@pytest.mark.parametrize(("kind", "host"), FAMILIES)
def test_reference_trace_is_what_we_expect(kind: str, host: str) -> None:
    """The node↔node trace itself, spelled out (so the comparison is not vacuous)."""
    family = "IPv6" if kind == "udp6" else "IPv4"
    server, client = exchange("node", "node", kind, host, False)
    sizes = [5, 6, 0, 1024, 60000, 3]
    assert server[0] == ["listening", family, host]
    assert [e[0] for e in server[1:]] == ["message", "sent"] * 6 + ["close"]
    assert [e[1] for e in server[1:-1:2]] == sizes
    assert all(e == ["sent", None, n] for e, n in zip(server[2:-1:2], sizes, strict=True))
    assert client[0] == ["listening", family]
    assert client[1:7] == [["sent", None, n] for n in sizes]
    assert [e[1] for e in client[7:13]] == sizes
    assert all(e[3:6] == [family, host, True] for e in client[7:13])
    assert client[13:] == [["close"], ["refused-sent", None, 4],
                           ["refused-error", "ECONNREFUSED", "recvmsg", "recvmsg ECONNREFUSED"],
                           ["refused-close"]]
