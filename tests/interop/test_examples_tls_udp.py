"""The TLS, async and UDP examples, each driven by a real client or peer over loopback.

* ``tls_echo.py`` — ``openssl s_client``: with certificates given by flags (a
  CA-signed one, verified by s_client), and with the self-signed certificate
  the example makes at start (its printed fingerprint is the one s_client
  receives); a client that speaks plain TCP fails its handshake and the
  server carries on;
* ``async_client.py`` — against ``tls_echo.py`` over TLS (verified with the
  CA, refused without it) and against a ``node`` line server over TCP;
* ``statsd.py`` — metrics sent by ``node``'s ``dgram`` and by Python's
  ``socket``, checked in the JSON it flushes.

A missing ``openssl`` skips on a developer's machine and fails under CI, as in
test_examples_clients.py.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import socket
import ssl
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.helpers import require_tool
from tests.tls_certs import Certs, make_certs

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"

pytestmark = pytest.mark.interop




class _Server:
    """A running example: its port, and its stdout lines as they arrive."""

    def __init__(self, proc: subprocess.Popen[str], port: int, first: str) -> None:
        self.proc = proc
        self.port = port
        self.lines: list[str] = [first.rstrip("\n")]
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line.rstrip("\n"))

    def wait_for(self, predicate: object, timeout: float = 15.0) -> list[str]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if predicate(self.lines):  # type: ignore[operator]
                return self.lines
            time.sleep(0.02)
        raise AssertionError(f"timed out; the example printed {self.lines}")


@contextmanager
def _example(script: str, *args: str, **env: str) -> Iterator[_Server]:
    proc = subprocess.Popen([sys.executable, str(EXAMPLES / script), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=dict(os.environ, PORT="0", **env))
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        match = re.search(r"listening on 127\.0\.0\.1:(\d+)", first)
        assert match, f"{script} printed {first!r}"
        server = _Server(proc, int(match.group(1)), first)
        yield server
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=10)
    assert proc.returncode == -15, f"{script} died: {err}"  # still running until terminated


def _s_client(openssl: str, port: int, payload: bytes, *flags: str) -> tuple[bytes, str]:
    """Run ``openssl s_client``, send ``payload``, return what came back once it all
    has, and s_client's diagnostics (it keeps the connection until it is stopped)."""
    proc = subprocess.Popen([openssl, "s_client", "-connect", f"127.0.0.1:{port}", *flags],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    got = bytearray()

    def read() -> None:
        assert proc.stdout is not None
        while chunk := proc.stdout.read1(65536):
            got.extend(chunk)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        assert proc.stdin is not None
        proc.stdin.write(payload)
        proc.stdin.flush()
        deadline = time.monotonic() + 30
        while not got.endswith(payload) and time.monotonic() < deadline \
                and proc.poll() is None:
            time.sleep(0.02)
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=10)
        reader.join(10)
    return bytes(got), err.decode(errors="replace")


@pytest.fixture(scope="module")
def certs(tmp_path_factory: pytest.TempPathFactory) -> Certs:
    require_tool("openssl")
    return make_certs(tmp_path_factory.mktemp("certs"))


def test_tls_echo_with_given_certs_and_openssl_s_client(certs: Certs) -> None:
    openssl = require_tool("openssl")
    payload = b"hello over TLS\n" + b"".join(b"line %d %s\n" % (i, b"x" * 200)
                                              for i in range(2000))  # ~400 KB
    with _example("tls_echo.py", "--key", certs.path("server-key.pem"),
                  "--cert", certs.path("server-cert.pem")) as server:
        got, err = _s_client(openssl, server.port, payload, "-brief", "-CAfile",
                             certs.path("ca-cert.pem"), "-verify_return_error",
                             "-verify_hostname", "localhost", "-servername", "localhost")
        lines = server.wait_for(lambda lines: len(lines) >= 3)
    assert got.endswith(payload) and got == payload, err
    assert "Verification: OK" in err
    assert "Protocol version: TLSv1.3" in err
    assert re.fullmatch(r"127\.0\.0\.1:\d+ TLSv1\.3 TLS_\w+", lines[2]), lines


def test_tls_echo_self_signed_cert_is_the_one_s_client_gets() -> None:
    openssl = require_tool("openssl")
    with _example("tls_echo.py") as server:
        got, err = _s_client(openssl, server.port, b"ping\n", "-tls1_2", "-showcerts",
                             "-servername", "localhost")
        lines = server.wait_for(lambda lines: len(lines) >= 3)
    text = got.decode()
    assert text.endswith("ping\n")
    pem = text[text.index("-----BEGIN CERTIFICATE-----"):
               text.index("-----END CERTIFICATE-----") + len("-----END CERTIFICATE-----")]
    digest = hashlib.sha256(ssl.PEM_cert_to_DER_cert(pem)).hexdigest().upper()
    assert lines[1] == "certificate sha256 " + ":".join(
        digest[i:i + 2] for i in range(0, len(digest), 2))
    assert "self-signed certificate" in err  # s_client's verify error 18; it goes on
    assert re.fullmatch(r"127\.0\.0\.1:\d+ TLSv1\.2 \S+", lines[2]), lines


def test_tls_echo_survives_a_plain_tcp_client() -> None:
    openssl = require_tool("openssl")
    with _example("tls_echo.py") as server:
        with socket.create_connection(("127.0.0.1", server.port)) as plain:
            plain.sendall(b"GET / HTTP/1.0\r\n\r\n")
            plain.settimeout(10)
            while plain.recv(4096):  # the server answers with an alert and closes
                pass
        server.wait_for(lambda lines: any(line.startswith("handshake failed: ")
                                          for line in lines))
        got, _ = _s_client(openssl, server.port, b"still there\n", "-quiet")
    assert got == b"still there\n"


def _client(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(EXAMPLES / "async_client.py"), *args],
                          capture_output=True, text=True, timeout=30)


def test_async_client_over_tls_to_the_echo_server(certs: Certs) -> None:
    with _example("tls_echo.py", "--key", certs.path("server-key.pem"),
                  "--cert", certs.path("server-cert.pem")) as server:
        ok = _client("--tls", "--ca", certs.path("ca-cert.pem"), "127.0.0.1",
                     str(server.port), "hello", "wide \u2603 world")
        refused = _client("--tls", "127.0.0.1", str(server.port), "hello")
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.splitlines() == ["TLSv1.3, certificate verified: True", "hello -> hello",
                                      "wide \u2603 world -> wide \u2603 world"]
    assert refused.returncode == 1
    # Node's verdict for a leaf whose issuer is unknown.
    assert refused.stderr == ("error UNABLE_TO_VERIFY_LEAF_SIGNATURE: unable to verify the "
                              "first certificate\n"), refused.stderr


NODE_LINE_SERVER = r"""
const net = require('net');
const readline = require('readline');
const server = net.createServer((sock) => {
  readline.createInterface({ input: sock }).on('line', (line) => {
    sock.write(line.toUpperCase() + '\n');
  });
  sock.on('end', () => { sock.end(); server.close(); });
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
"""


def test_async_client_over_tcp_to_a_node_server(node: str) -> None:
    server = subprocess.Popen([node, "-e", NODE_LINE_SERVER], stdout=subprocess.PIPE, text=True)
    try:
        assert server.stdout is not None
        port = server.stdout.readline().strip()
        run = _client("127.0.0.1", port, "one", "two")
    finally:
        server.communicate(timeout=10)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == ["one -> ONE", "two -> TWO"]
    assert server.returncode == 0  # the client ended the connection: the server closed


def test_async_client_reports_a_refused_connection() -> None:
    with socket.socket() as s:  # a port that was just free: nothing listens on it
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    run = _client("127.0.0.1", str(port))
    assert run.returncode == 1
    assert run.stderr == f"error ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:{port}\n"


NODE_SENDER = r"""
const dgram = require('dgram');
const port = +process.argv[1];
const sock = dgram.createSocket('udp4');
const packets = [];
for (let i = 0; i < 50; i++) packets.push('hits:1|c\nlatency:' + i + '|ms');
packets.push('hits:10|c|@0.5', 'temp:20|g', 'temp:+1.5|g', 'temp:-0.5|g', 'users:3|g',
             'not a metric', 'x:1|zz\nbytes:1024|c');
let sent = 0;
(function next() {  // one at a time: nothing is dropped by a full socket buffer
  if (sent === packets.length) return sock.close();
  sock.send(packets[sent++], port, '127.0.0.1', (err) => { if (err) throw err; next(); });
})();
"""


def _totals(reports: list[dict]) -> dict:  # type: ignore[type-arg]
    """The flushed reports folded into one, whatever the flush boundaries were."""
    counters: dict[str, float] = {}
    timers: dict[str, dict[str, float]] = {}
    for report in reports:
        for name, value in report["counters"].items():
            counters[name] = counters.get(name, 0) + value
        for name, t in report["timers"].items():
            acc = timers.setdefault(name, {"count": 0, "sum": 0, "min": t["min"],
                                           "max": t["max"]})
            acc["count"] += t["count"]
            acc["sum"] += t["sum"]
            acc["min"] = min(acc["min"], t["min"])
            acc["max"] = max(acc["max"], t["max"])
            assert t["mean"] == t["sum"] / t["count"]
    return {"counters": counters, "timers": timers, "gauges": reports[-1]["gauges"],
            "packets": sum(r["packets"] for r in reports),
            "bad_lines": sum(r["bad_lines"] for r in reports)}


def _reports(lines: list[str]) -> list[dict]:  # type: ignore[type-arg]
    return [json.loads(line) for line in lines[1:]]


def test_statsd_aggregates_what_node_dgram_sends(node: str) -> None:
    with _example("statsd.py", FLUSH_MS="100") as server:
        subprocess.run([node, "-e", NODE_SENDER, str(server.port)], timeout=30, check=True)
        server.wait_for(lambda lines: sum(r["packets"] for r in _reports(lines)) >= 57)
        time.sleep(0.3)  # a further flush would show anything unexpected
        reports = _reports(server.lines)
    assert server.lines[0].endswith(", flushing every 100 ms")
    assert _totals(reports) == {
        "counters": {"hits": 70, "bytes": 1024},
        "timers": {"latency": {"count": 50, "sum": 1225, "min": 0, "max": 49}},
        "gauges": {"temp": 21, "users": 3},
        "packets": 57, "bad_lines": 2}


def test_statsd_with_python_socket_sender_and_quiet_intervals() -> None:
    with _example("statsd.py", FLUSH_MS="100") as server, \
            socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sender:
        sender.sendto(b"db.query:12|ms\ndb.query:4|ms\ndb.query:8|ms\nreq:1|c|@0.25",
                      ("127.0.0.1", server.port))
        server.wait_for(lambda lines: len(lines) >= 2)
        time.sleep(0.35)  # quiet intervals: nothing printed
        assert len(server.lines) == 2
        sender.sendto(b"req:2|c\n\n", ("127.0.0.1", server.port))
        server.wait_for(lambda lines: len(lines) >= 3)
    first, second = _reports(server.lines)
    assert first == {"counters": {"req": 4}, "gauges": {}, "packets": 1, "bad_lines": 0,
                     "timers": {"db.query": {"count": 3, "min": 4, "max": 12, "sum": 24,
                                             "mean": 8}}}
    assert second == {"counters": {"req": 2}, "timers": {}, "gauges": {}, "packets": 1,
                      "bad_lines": 0}
