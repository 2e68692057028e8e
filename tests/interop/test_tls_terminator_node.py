"""A TLS-terminating proxy (SNI, ALPN, client certificates), Node's and its pynet port.

tests/interop/js/tls_terminator.js is the Node program; examples/tls_terminator.py
its line-by-line port.  The same scripted clients (Python's ``ssl``, one at a
time) drive each: a client with a certificate routed by ALPN to the backend, an
SNI name served from ``addContext`` with the ``echo`` route, a TLS 1.2 client
without SNI or ALPN, an ALPN offer the server refuses, a plain-TCP client
(``'tlsClientError'``), an idle client ended by ``setTimeout``, a session resumed
without a client certificate, then ``SIGINT``.
The program's stdout and stderr, what each client saw (protocol, ALPN, the
certificate's name, the bytes, the error) and the exit status must be node's.
"""

from __future__ import annotations

import shutil
import signal
import socket
import ssl
import sys
from pathlib import Path
from typing import cast

import pytest

from tests.interop.listening_program import ListeningProgram
from tests.tls_certs import Certs, make_certs, openssl_path

pytestmark = [pytest.mark.interop, pytest.mark.skipif(
    shutil.which("node") is None or openssl_path() is None, reason="needs node and openssl")]

ROOT = Path(__file__).resolve().parents[2]
PROGRAMS = {
    "node": ["node", str(ROOT / "tests" / "interop" / "js" / "tls_terminator.js")],
    "pynet": [sys.executable, "-m", "pynet", str(ROOT / "examples" / "tls_terminator.py")],
}
TIMEOUT = 20.0


@pytest.fixture(scope="module")
def certs(tmp_path_factory: pytest.TempPathFactory) -> Certs:
    return make_certs(Path(tmp_path_factory.mktemp("terminator")))


def _client(port: int, certs: Certs, *, name: str | None, alpn: list[str] | None,
            cert: bool = False, tls12: bool = False, send: bytes = b"",
            until: bytes = b"") -> dict[str, object]:
    ctx = ssl.create_default_context(cafile=certs.path("ca-cert.pem"))
    ctx.check_hostname = False
    if alpn:
        ctx.set_alpn_protocols(alpn)
    if cert:
        ctx.load_cert_chain(certs.path("client-cert.pem"), certs.path("client-key.pem"))
    if tls12:
        ctx.maximum_version = ssl.TLSVersion.TLSv1_2
    seen: dict[str, object] = {}
    raw = socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT)
    try:
        sock = ctx.wrap_socket(raw, server_hostname=name)
    except ssl.SSLError as err:
        raw.close()
        return {"error": f"{type(err).__name__}: {err.reason}"}
    with sock:
        peer = sock.getpeercert()
        assert peer is not None
        subject = cast("tuple[tuple[tuple[str, str], ...], ...]", peer["subject"])
        seen.update(version=sock.version(), alpn=sock.selected_alpn_protocol(),
                    served=dict(rdn[0] for rdn in subject)["commonName"])
        data = b""
        sock.sendall(send)
        while until not in data:
            data += sock.recv(65536)
        seen["bytes"] = data
        # A FIN without close_notify ('end' all the same).  Python's SSLSocket.shutdown
        # drops the TLS state: what comes after is raw records, compared by their headers.
        sock.shutdown(socket.SHUT_WR)
        after = b""
        while chunk := sock.recv(65536):
            after += chunk
        seen["records after FIN"] = _records(after)
    return seen


def _records(raw: bytes) -> list[tuple[int, int]]:
    """(content type, length) of each TLS record in ``raw``."""
    out = []
    while len(raw) >= 5:
        length = int.from_bytes(raw[3:5], "big")
        out.append((raw[0], length))
        raw = raw[5 + length:]
    assert not raw
    return out


def _resume(port: int, certs: Certs) -> list[object]:
    """Two connections on one context: the second offers the first's session."""
    ctx = ssl.create_default_context(cafile=certs.path("ca-cert.pem"))
    ctx.set_alpn_protocols(["echo"])
    session = None
    seen: list[object] = []
    for _ in range(2):
        with ctx.wrap_socket(socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT),
                             server_hostname="localhost", session=session) as sock:
            data = b""
            sock.sendall(b"again\n")
            while b"again\n" not in data:
                data += sock.recv(65536)
            seen.append((sock.session_reused, data))
            session = sock.session
            sock.shutdown(socket.SHUT_WR)
            while sock.recv(65536):
                pass
    return seen


def _run(cmd: list[str], certs: Certs) -> dict[str, object]:
    prog = ListeningProgram(cmd, {"IDLE_MS": "1500", "CERTS": str(certs.dir)}, TIMEOUT)
    port = prog.port
    got: list[object] = [_client(port, certs, name="localhost", alpn=["line/1"], cert=True,
                   send=b"hello\nworld\n", until=b"WORLD\n")]
    prog.wait_for(r"^\[1\] closed")
    got.append(_client(port, certs, name="example.org", alpn=["h2", "echo"], send=b"ping\n",
                       until=b"ping\n"))
    prog.wait_for(r"^\[2\] closed")
    got.append(_client(port, certs, name=None, alpn=None, tls12=True, send=b"x\n",
                       until=b"X\n"))
    prog.wait_for(r"^\[3\] closed")
    got.append(_client(port, certs, name="localhost", alpn=["h2"]))
    prog.wait_for(r"^tlsClientError")
    with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as plain:
        plain.sendall(b"GET / HTTP/1.0\r\n\r\n")
        data = b""
        while chunk := plain.recv(65536):
            data += chunk
        got.append({"plain": data})
    prog.wait_for(r"^tlsClientError")
    got.append(_client(port, certs, name="localhost", alpn=["line/1"], until=b"idle timeout\n"))
    prog.wait_for(r"^\[4\] closed")
    got.append(_resume(port, certs))
    prog.wait_for(r"^\[6\] closed")
    prog.proc.send_signal(signal.SIGINT)
    stderr = prog.finish()
    stdout = [line.replace(f":{port}", ":PORT") for line in prog.seen]
    return {"stdout": stdout, "stderr": stderr, "clients": got, "status": prog.proc.returncode}


def test_tls_terminator_matches_node(node: str, certs: Certs) -> None:
    runs = {name: _run(cmd, certs) for name, cmd in PROGRAMS.items()}
    expected = runs["node"]
    for key in ("stdout", "stderr", "clients", "status"):
        assert runs["pynet"][key] == expected[key], f"{key}: {runs}"
    stdout = expected["stdout"]
    assert isinstance(stdout, list)
    assert "tlsClientError ERR_SSL_HTTP_REQUEST {" in stdout
    assert "  remote: '127.0.0.1'," in stdout  # the socket of a failed handshake has its address
