"""A SOCKS5 proxy written with async/await, Node's and its pynet port, under one client.

tests/interop/js/socks5_proxy.js is the Node program; examples/socks5_proxy.py
its line-by-line port.  The same scripted client (plain Python sockets, one step
at a time) drives each: a refused method, a bad version, a tunnel with bytes
sent in the same segment as the request (handed back with ``unshift``), a half
close through the tunnel, a refused target, a ``BIND``, a host name, an address
type it does not serve, a client that leaves mid-handshake, a handshake sent in pieces then a reset
tunnel, and ``SIGINT`` with
a tunnel still open (closed after the grace period).  The proxy's stdout, the
bytes the client got at each step (the bound port masked) and the exit status
must be node's.
"""

from __future__ import annotations

import signal
import socket
import socketserver
import struct
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.interop.listening_program import ListeningProgram

pytestmark = pytest.mark.interop

ROOT = Path(__file__).resolve().parents[2]
PROGRAMS = {
    "node": ["node", str(ROOT / "tests" / "interop" / "js" / "socks5_proxy.js")],
    "pynet": [sys.executable, "-m", "pynet", str(ROOT / "examples" / "socks5_proxy.py")],
}
TIMEOUT = 15.0


class _Upper(socketserver.BaseRequestHandler):
    """The target: sends back every byte upper-cased, and ends when the client ends."""

    def handle(self) -> None:
        while data := self.request.recv(65536):
            self.request.sendall(data.upper())


class _Target(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    block_on_close = True


@contextmanager
def _target() -> Iterator[int]:
    server = _Target(("127.0.0.1", 0), _Upper)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()
        thread.join(TIMEOUT)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _read_all(sock: socket.socket) -> bytes:
    out = b""
    while data := sock.recv(65536):
        out += data
    return out


def _mask(reply: bytes) -> bytes:
    return reply[:-2] + b"PP" if len(reply) == 10 else reply


def _run(cmd: list[str], target: int) -> dict[str, object]:
    proxy = ListeningProgram(cmd, {"GRACE_MS": "300"}, TIMEOUT)
    got: list[object] = []
    refused = _free_port()

    def client() -> socket.socket:
        sock = socket.create_connection(("127.0.0.1", proxy.port), timeout=TIMEOUT)
        return sock

    def step(conn_id: int, payload: bytes, *, shut: bool = True) -> None:
        with client() as sock:
            sock.sendall(payload)
            if shut:
                sock.shutdown(socket.SHUT_WR)
            got.append(_read_all(sock))
        proxy.wait_for(rf"^\[#{conn_id}\] closed")

    step(1, b"\x05\x01\x02")                       # only username/password offered
    step(2, b"\x04\x01\x00")                       # SOCKS4
    with client() as sock:                         # 3: a tunnel; data in the request's segment
        sock.sendall(b"\x05\x01\x00")
        assert sock.recv(2) == b"\x05\x00"
        sock.sendall(b"\x05\x01\x00\x01\x7f\x00\x00\x01" + target.to_bytes(2, "big") + b"hello")
        reply = b""
        while len(reply) < 10:
            reply += sock.recv(10 - len(reply))
        got.append(_mask(reply))
        echoed = b""
        while len(echoed) < 5:
            echoed += sock.recv(5 - len(echoed))
        sock.sendall(b" world")
        sock.shutdown(socket.SHUT_WR)              # the half close goes through the tunnel
        got.append(echoed + _read_all(sock))
    proxy.wait_for(r"^\[#3\] closed")
    step(4, b"\x05\x01\x00\x05\x01\x00\x01\x7f\x00\x00\x01" + refused.to_bytes(2, "big"))
    step(5, b"\x05\x01\x00\x05\x02\x00\x01\x7f\x00\x00\x01" + target.to_bytes(2, "big"))  # BIND
    name = b"localhost"
    with client() as sock:                         # 6: a host name, looked up by the proxy
        sock.sendall(b"\x05\x02\x02\x00\x05\x01\x00\x03" + bytes([len(name)]) + name
                     + target.to_bytes(2, "big"))
        reply = b""
        while len(reply) < 12:
            reply += sock.recv(12 - len(reply))
        got.append(_mask(reply[:2]) + _mask(reply[2:]))
        sock.sendall(b"abc")
        sock.shutdown(socket.SHUT_WR)
        got.append(_read_all(sock))
    proxy.wait_for(r"^\[#6\] closed")
    step(7, b"\x05\x01\x00\x05\x01\x00\x04" + bytes(18))  # IPv6: not served
    step(8, b"\x05\x03")                                  # leaves mid-handshake
    with client() as sock:                                # 9: a handshake in pieces
        for piece in (b"\x05", b"\x01\x00", b"\x05\x01", b"\x00\x01\x7f\x00",
                      b"\x00\x01" + target.to_bytes(2, "big")[:1],
                      target.to_bytes(2, "big")[1:] + b"split"):
            sock.sendall(piece)
            time.sleep(0.05)
        reply = b""
        while len(reply) < 17:
            reply += sock.recv(17 - len(reply))
        got.append(_mask(reply[:2]) + _mask(reply[2:12]) + reply[12:])
        proxy.wait_for(r"^\[#9\] tunnel open")
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    proxy.wait_for(r"^\[#9\] closed")                      # reset by the client
    tunnel = client()                                     # 10: open when SIGINT comes
    try:
        tunnel.sendall(b"\x05\x01\x00\x05\x01\x00\x01\x7f\x00\x00\x01" + target.to_bytes(2, "big"))
        proxy.wait_for(r"^\[#10\] tunnel open")
        reply = b""
        while len(reply) < 12:
            reply += tunnel.recv(12 - len(reply))
        got.append(_mask(reply[:2]) + _mask(reply[2:]))
        proxy.proc.send_signal(signal.SIGINT)
        got.append(_read_all(tunnel))                     # destroyed after the grace period
    finally:
        tunnel.close()
    stderr = proxy.finish()
    stdout = [line.replace(f":{proxy.port}", ":PORT").replace(f":{target}", ":TARGET")
              .replace(f":{refused}", ":REFUSED") for line in proxy.seen]
    return {"stdout": stdout, "bytes": got, "status": proxy.proc.returncode, "stderr": stderr}


def test_socks5_proxy_matches_node(node: str) -> None:
    with _target() as target:
        runs = {name: _run(cmd, target) for name, cmd in PROGRAMS.items()}
    expected = runs["node"]
    for key in ("stdout", "bytes", "status", "stderr"):
        assert runs["pynet"][key] == expected[key], f"{key}: {runs}"
    stdout = expected["stdout"]
    assert isinstance(stdout, list)
    assert "[#4] upstream failed: ECONNREFUSED connect" in stdout
    assert stdout[-1] == "exit 0"
