"""pynet against a real node process as the peer, in both directions.

Every exchange runs one peer program per side (js/peer.js for node, py/peer.py
for pynet; the two print the same observations, one JSON array a line) as a
subprocess, over loopback only: 127.0.0.1, ::1 and Unix sockets in a temporary
directory.  Each pairing with pynet on one side must observe exactly what the
node↔node reference pairing observes, and the tests also spell out what that
is.  Every subprocess is bounded by a timeout.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import selectors
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import PortHolder

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
TIMEOUT = 30  # seconds, per subprocess
MIB = 1 << 20
MESSAGES = ["hello", "wörld ✓ ünïcödé", "x" * 200000, "bye"]
MESSAGE_BYTES = sum(len(m.encode()) for m in MESSAGES)

pytestmark = pytest.mark.interop


def _has_ipv6_loopback() -> bool:
    try:
        with socket.socket(socket.AF_INET6) as s:
            s.bind(("::1", 0))
        return True
    except OSError:
        return False


HAS_IPV6 = _has_ipv6_loopback()
TRANSPORTS = ["tcp4", pytest.param("tcp6", marks=pytest.mark.skipif(
    not HAS_IPV6, reason="no ::1 loopback")), "unix"]
PAIRINGS = [("pynet", "node"), ("node", "pynet")]  # (server, client)


@pytest.fixture
def sockdir() -> Iterator[str]:
    # A short directory: Unix socket paths are limited to 107 bytes.
    d = tempfile.mkdtemp(prefix="pynet-interop-")
    yield d
    shutil.rmtree(d, ignore_errors=True)


def _cmd(kind: str, role: str, cfg: dict[str, Any]) -> list[str]:
    arg = json.dumps(cfg)
    if kind == "node":
        node = shutil.which("node")
        assert node is not None
        return [node, str(HERE / "js" / "peer.js"), role, arg]
    return [sys.executable, str(HERE / "py" / "peer.py"), role, arg]


def _parse(text: str) -> list[Any]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _first_line(proc: subprocess.Popen[str], timeout: float) -> str:
    assert proc.stdout is not None
    with selectors.DefaultSelector() as sel:
        sel.register(proc.stdout, selectors.EVENT_READ)
        if not sel.select(timeout):
            raise AssertionError(f"no 'listening' line within {timeout}s")
    return proc.stdout.readline()


class Peer:
    """A started server process; ``finish()`` waits for it and returns its lines."""

    def __init__(self, kind: str, role: str, cfg: dict[str, Any]) -> None:
        self.proc = subprocess.Popen(_cmd(kind, role, cfg), stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True, cwd=ROOT)
        try:
            self.first = _first_line(self.proc, TIMEOUT)
        except BaseException:
            self.kill()
            raise
        head = json.loads(self.first) if self.first.strip() else None
        if not (isinstance(head, list) and head[0] == "listening"):
            self.kill()
            _, err = self.proc.communicate(timeout=TIMEOUT)
            raise AssertionError(f"{kind} {role} did not listen: {self.first!r}\n{err}")
        self.address = head[1]

    def finish(self, terminate: bool = False) -> list[Any]:
        if terminate:
            self.proc.terminate()
        try:
            rest, err = self.proc.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            self.kill()
            rest, err = self.proc.communicate(timeout=TIMEOUT)
            raise AssertionError(f"server did not exit:\n{self.first}{rest}\n{err}") from None
        if not terminate:
            assert self.proc.returncode == 0, f"server failed:\n{self.first}{rest}\n{err}"
        return _parse(self.first + rest)[1:]

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=TIMEOUT)


def run_client(kind: str, role: str, cfg: dict[str, Any]) -> list[Any]:
    proc = subprocess.run(_cmd(kind, role, cfg), capture_output=True, text=True,
                          timeout=TIMEOUT, cwd=ROOT)
    assert proc.returncode == 0, f"{kind} {role} failed:\n{proc.stdout}\n{proc.stderr}"
    return _parse(proc.stdout)


def exchange(server_kind: str, client_kind: str, server_role: str, client_role: str,
             cfg: dict[str, Any], server_cfg: dict[str, Any] | None = None,
             client_cfg: dict[str, Any] | None = None) -> tuple[list[Any], list[Any]]:
    server = Peer(server_kind, server_role, {**cfg, **(server_cfg or {})})
    try:
        ccfg = {**cfg, **(client_cfg or {})}
        if ccfg.get("transport") != "unix":
            ccfg["port"] = server.address
        client = run_client(client_kind, client_role, ccfg)
    finally:
        if server.proc.poll() is None:
            try:
                server.proc.wait(timeout=TIMEOUT)
            except subprocess.TimeoutExpired:
                server.kill()
    return server.finish(), client


@functools.cache
def reference(server_role: str, client_role: str, cfg_json: str, server_cfg_json: str = "{}",
              client_cfg_json: str = "{}") -> tuple[list[Any], list[Any]]:
    """The node↔node exchange (computed once per configuration)."""
    cfg = json.loads(cfg_json)
    if cfg.get("transport") == "unix":
        d = tempfile.mkdtemp(prefix="pynet-ref-")
        cfg["path"] = os.path.join(d, "ref.sock")
        try:
            return exchange("node", "node", server_role, client_role, cfg,
                            json.loads(server_cfg_json), json.loads(client_cfg_json))
        finally:
            shutil.rmtree(d, ignore_errors=True)
    return exchange("node", "node", server_role, client_role, cfg,
                    json.loads(server_cfg_json), json.loads(client_cfg_json))


def _transport_cfg(transport: str, sockdir: str) -> dict[str, Any]:
    cfg: dict[str, Any] = {"transport": transport}
    if transport == "unix":
        cfg["path"] = os.path.join(sockdir, "peer.sock")
    return cfg


def _family(transport: str) -> tuple[str | None, str | None]:
    return {"tcp4": ("IPv4", "127.0.0.1"), "tcp6": ("IPv6", "::1"),
            "unix": (None, None)}[transport]


# -- 1 + 5. echo ---------------------------------------------------------------------------


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize("server_kind, client_kind", PAIRINGS)
def test_echo(node: str, server_kind: str, client_kind: str, transport: str,
              sockdir: str) -> None:
    cfg = _transport_cfg(transport, sockdir)
    server, client = exchange(server_kind, client_kind, "echo-server", "echo-client", cfg)
    fam, addr = _family(transport)
    n = MESSAGE_BYTES
    assert client == [["connect", fam, addr],
                      *[["echo", i, True] for i in range(len(MESSAGES))],
                      ["finish"], ["end", 0], ["close", False, n, n]]
    assert server == [["connection", fam, addr, fam, addr],
                      ["end", n], ["finish"], ["close", False, n, n]]
    ref = reference("echo-server", "echo-client", json.dumps({"transport": transport}))
    assert (server, client) == ref


# -- 2 + 5. half-close ---------------------------------------------------------------------


HALF_OPEN = [(False, False), (False, True), (True, False), (True, True)]


@pytest.mark.parametrize("transport", ["tcp4", "unix"])
@pytest.mark.parametrize("server_half_open, client_half_open", HALF_OPEN)
@pytest.mark.parametrize("server_kind, client_kind", PAIRINGS)
def test_half_close(node: str, server_kind: str, client_kind: str, server_half_open: bool,
                    client_half_open: bool, transport: str, sockdir: str) -> None:
    cfg = _transport_cfg(transport, sockdir)
    scfg = {"allowHalfOpen": server_half_open}
    ccfg = {"allowHalfOpen": client_half_open}
    server, client = exchange(server_kind, client_kind, "halfclose-server", "halfclose-client",
                              cfg, scfg, ccfg)
    if server_half_open:
        # The server keeps its writable side after the client's FIN and ends later.
        assert server == [["end", "req", "writeOnly", True], ["write", "r1", True],
                          ["cb", "r1", None], ["write", "r2", True], ["cb", "r2", None],
                          ["ended", "closed"], ["cb", "end", None], ["finish"],
                          ["close", False]]
        got = "r1r2bye"
    else:
        # Auto-end after 'end': "r1" (written inside the handler) still goes out, later
        # writes only reach their callbacks, with Node's synthetic EPIPE.
        assert server == [["end", "req", "writeOnly", True], ["write", "r1", True],
                          ["cb", "r1", None], ["finish"], ["close", False],
                          ["write", "r2", False], ["cb", "r2", "EPIPE"], ["ended", "closed"],
                          ["cb", "end", "ERR_STREAM_WRITE_AFTER_END"]]
        got = "r1"
    assert client == [["connect"], ["ended", "readOnly"], ["finish"], ["end", got, "closed"],
                      ["close", False]]
    ref = reference("halfclose-server", "halfclose-client",
                    json.dumps({"transport": transport}), json.dumps(scfg), json.dumps(ccfg))
    assert (server, client) == ref


# -- 3. errors -----------------------------------------------------------------------------


def test_econnrefused_matches_node(node: str, ports: PortHolder) -> None:
    port = ports.refused("127.0.0.1")
    cfg = {"transport": "tcp4", "port": port}
    got = run_client("pynet", "connect-fail", cfg)
    assert got == [["error", {"code": "ECONNREFUSED", "syscall": "connect",
                              "address": "127.0.0.1", "port": port,
                              "message": f"connect ECONNREFUSED 127.0.0.1:{port}"}],
                   ["close", True, "closed"]]
    assert got == run_client("node", "connect-fail", cfg)


def test_enoent_missing_unix_path_matches_node(node: str, sockdir: str) -> None:
    path = os.path.join(sockdir, "missing.sock")
    cfg = {"transport": "unix", "path": path}
    got = run_client("pynet", "connect-fail", cfg)
    assert got == [["error", {"code": "ENOENT", "syscall": "connect", "address": path,
                              "port": None, "message": f"connect ENOENT {path}"}],
                   ["close", True, "closed"]]
    assert got == run_client("node", "connect-fail", cfg)


@pytest.mark.parametrize("holder, listener", [("node", "pynet"), ("pynet", "node")])
def test_eaddrinuse(node: str, holder: str, listener: str) -> None:
    hold = Peer(holder, "hold", {"transport": "tcp4"})
    try:
        port = hold.address
        got = run_client(listener, "listen-on", {"port": port})
    finally:
        hold.finish(terminate=True)
    assert got == [["error", {"code": "EADDRINUSE", "syscall": "listen", "address": "127.0.0.1",
                              "port": port,
                              "message": f"listen EADDRINUSE: address already in use "
                                         f"127.0.0.1:{port}"}, False]]


RESET_BY_PEER = ["error", {"code": "ECONNRESET", "syscall": "read", "address": None,
                           "port": None, "message": "read ECONNRESET"}]


@pytest.mark.parametrize("server_kind, client_kind", PAIRINGS)
def test_server_reset_and_destroy(node: str, server_kind: str, client_kind: str) -> None:
    """The server answers "ping" with resetAndDestroy(): the client gets ECONNRESET."""
    cfg = {"transport": "tcp4"}
    server, client = exchange(server_kind, client_kind, "rst-server", "rst-client", cfg,
                              {"reset": True}, {"reset": False})
    assert server == [["data", "ping"], ["resetAndDestroy"], ["close", False, True]]
    assert client == [["data", "hi"], RESET_BY_PEER, ["close", True, True]]
    assert (server, client) == reference("rst-server", "rst-client", json.dumps(cfg),
                                         json.dumps({"reset": True}),
                                         json.dumps({"reset": False}))


@pytest.mark.parametrize("server_kind, client_kind", PAIRINGS)
def test_client_reset_and_destroy(node: str, server_kind: str, client_kind: str) -> None:
    """The client answers "hi" with resetAndDestroy(): the server gets ECONNRESET."""
    cfg = {"transport": "tcp4"}
    server, client = exchange(server_kind, client_kind, "rst-server", "rst-client", cfg,
                              {"reset": False}, {"reset": True})
    assert client == [["data", "hi"], ["resetAndDestroy"], ["close", False, True]]
    assert server == [RESET_BY_PEER, ["close", True, True]]
    assert (server, client) == reference("rst-server", "rst-client", json.dumps(cfg),
                                         json.dumps({"reset": False}),
                                         json.dumps({"reset": True}))


# -- 4. 64 MiB -----------------------------------------------------------------------------


SIZE = 64 * MIB


@functools.cache
def _payload_sha256() -> str:
    return hashlib.sha256(hashlib.shake_256(b"pynet-interop").digest(SIZE)).hexdigest()


@pytest.mark.parametrize("sender, receiver", [("pynet", "node"), ("node", "pynet")])
@pytest.mark.parametrize("sender_side", ["client", "server"])
def test_64mib_transfer(node: str, sender: str, receiver: str, sender_side: str) -> None:
    cfg = {"transport": "tcp4", "size": SIZE}
    send = {"side": sender_side, "mode": "send"}
    recv = {"side": "client" if sender_side == "server" else "server", "mode": "recv"}
    if sender_side == "server":
        server, client = exchange(sender, receiver, "bulk", "bulk", cfg, send, recv)
        sent, received = server, client
    else:
        server, client = exchange(receiver, sender, "bulk", "bulk", cfg, recv, send)
        sent, received = client, server
    digest = _payload_sha256()
    assert sent == [["payload", digest], ["blocked", True], ["finish", SIZE],
                    ["close", False, 0, SIZE]]
    assert received == [["received", SIZE, digest, SIZE], ["close", False, SIZE, 0]]
