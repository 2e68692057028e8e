"""A line-based job queue server, Node's and its pynet port, under one client.

tests/interop/js/job_queue.js is the Node program; examples/job_queue.py its
line-by-line port: ``readline`` over each socket with ``for await``, jobs that
``await`` ``timers/promises``, writes that wait for ``'drain'`` (16 MiB sent to
a client that waits before reading), a ``Transform`` of the jobs done piped to a
file per connection, ``process.on('exit')`` with ``console.table``.  The same
scripted client drives each (one of its connections resets while the server
waits for ``'drain'``); the server's stdout and stderr, the bytes the client
got, the stats files and the exit status must be node's.
"""

from __future__ import annotations

import socket
import struct
import sys
import time
from pathlib import Path

import pytest

from tests.interop.listening_program import ListeningProgram

pytestmark = pytest.mark.interop

ROOT = Path(__file__).resolve().parents[2]
PROGRAMS = {
    "node": ["node", str(ROOT / "tests" / "interop" / "js" / "job_queue.js")],
    "pynet": [sys.executable, "-m", "pynet", str(ROOT / "examples" / "job_queue.py")],
}
TIMEOUT = 30.0
BIG = 16000  # lines of 1 KiB: more than loopback's socket buffers hold


def _read_until(sock: socket.socket, buf: bytearray, marker: bytes) -> None:
    while marker not in buf:
        data = sock.recv(65536)
        assert data, f"EOF before {marker!r}: {bytes(buf[-200:])!r}"
        buf += data


def _read_all(sock: socket.socket, buf: bytearray) -> None:
    while data := sock.recv(65536):
        buf += data


def _run(cmd: list[str], stats_dir: Path) -> dict[str, object]:
    server = ListeningProgram(cmd, {"STATS_DIR": str(stats_dir)}, TIMEOUT)
    got: list[bytes] = []
    with socket.create_connection(("127.0.0.1", server.port), timeout=TIMEOUT) as sock:
        buf = bytearray()
        sock.sendall(b"PUT a 20\r\nPUT b x\nPUT c 10\nWORK\nSTATS\nfoo\n")
        _read_until(sock, buf, b'ERR unknown command "foo"\n')
        sock.sendall(b"BIG %d\n" % BIG)
        time.sleep(0.5)  # the server fills the socket buffers and waits for 'drain'
        end = len(buf) + BIG * 1025  # '000123 xxx…x\n'
        while len(buf) < end:
            data = sock.recv(1 << 20)
            assert data, f"EOF after {len(buf)} of {end} bytes"
            buf += data
        sock.sendall(b"QUIT\n")
        _read_all(sock, buf)
        got.append(bytes(buf))
    server.wait_for(r"^conn 1: stats written")
    with socket.create_connection(("127.0.0.1", server.port), timeout=TIMEOUT) as sock:
        sock.sendall(b"BIG %d\n" % BIG)  # read nothing, then reset: the server waits for 'drain'
        server.wait_for(r"^conn 2: from")
        time.sleep(0.5)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    server.wait_for(r"^conn 2: stats written")
    with socket.create_connection(("127.0.0.1", server.port), timeout=TIMEOUT) as sock:
        buf = bytearray()
        sock.sendall(b"PUT d 5\nSHUTDOWN\n")
        _read_until(sock, buf, b"OK closing\n")
        sock.shutdown(socket.SHUT_WR)  # with a job still queued
        _read_all(sock, buf)
        got.append(bytes(buf))
    stderr = server.finish()
    files = {path.name: path.read_text() for path in sorted(stats_dir.iterdir())}
    stdout = [line.replace(f":{server.port}", ":PORT") for line in server.seen]
    return {"stdout": stdout, "stderr": stderr, "bytes": got, "files": files,
            "status": server.proc.returncode}


def test_job_queue_matches_node(node: str, tmp_path: Path) -> None:
    runs = {}
    for name, cmd in PROGRAMS.items():
        (tmp_path / name).mkdir()
        runs[name] = _run(cmd, tmp_path / name)
    expected = runs["node"]
    for key in ("stdout", "stderr", "bytes", "files", "status"):
        assert runs["pynet"][key] == expected[key], key
    stdout = expected["stdout"]
    assert isinstance(stdout, list)
    assert "conn 1: big: 16000 lines, waited for drain: true, peak within a line of the mark: true" \
        in stdout
    assert "conn 2: connection failed: ECONNRESET (read)" in stdout
    assert expected["status"] == 3
