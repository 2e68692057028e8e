"""``net.createServer({'proxyProtocol': True})``: PROXY protocol v1/v2 (pynet's own option).

Real loopback connections whose first bytes are written by hand (every
header shape, split anywhere, and the malformed ones), then a real HAProxy
in front (``send-proxy`` and ``send-proxy-v2``): the socket's
``remoteAddress``/``remotePort``/``remoteFamily`` are the client's as the
proxy saw it, ``socket.proxy`` holds the header, and a connection without a
valid header never reaches ``'connection'`` or ``'data'``.
"""

from __future__ import annotations

import shutil
import socket
import struct
import subprocess
import textwrap
from pathlib import Path
from typing import Any

import pytest

import pynet
from pynet import net
from pynet._net.proxy import parse_header

SIG = b"\r\n\r\n\x00\r\nQUIT\n"


def v2(command: int, fam: int, body: bytes) -> bytes:
    return SIG + bytes([0x20 | command, fam]) + struct.pack("!H", len(body)) + body


def v2_tcp4(src: str, dst: str, sport: int, dport: int, tlvs: bytes = b"") -> bytes:
    body = socket.inet_aton(src) + socket.inet_aton(dst) + struct.pack("!HH", sport, dport)
    return v2(1, 0x11, body + tlvs)


def serve(chunks: list[bytes], options: dict[str, Any] | None = None
          ) -> dict[str, Any]:
    """Run a proxyProtocol server, send ``chunks`` (one write each), record what it sees."""
    seen: dict[str, Any] = {"data": b"", "connections": 0, "errors": []}
    server = net.createServer({"proxyProtocol": True, **(options or {})})

    def on_connection(sock: Any) -> None:
        seen["connections"] += 1
        seen.update(remoteAddress=sock.remoteAddress, remotePort=sock.remotePort,
                    remoteFamily=sock.remoteFamily, localAddress=sock.localAddress,
                    localPort=sock.localPort, proxy=sock.proxy)

        def on_data(data: bytes) -> None:
            seen["data"] += data
        sock.on("data", on_data)
        sock.on("end", lambda: (sock.end(b"bye"), server.close()))

    def on_proxy_error(err: Any, sock: Any) -> None:
        seen["errors"].append(err)
        sock.on("error", lambda e: seen.setdefault("socket_error", e))
        sock.on("data", lambda d: seen.setdefault("leaked", d))
        sock.on("close", lambda: server.close())

    server.on("connection", on_connection)
    server.on("proxyError", on_proxy_error)

    def on_listening() -> None:
        client = net.connect(server.address()["port"], "127.0.0.1")
        client.on("error", lambda e: None)

        def send(i: int = 0) -> None:
            if i < len(chunks):
                client.write(chunks[i])
                pynet.setTimeout(send, 5, i + 1)
            else:
                client.end()
        client.on("connect", send)
        client.resume()

    server.listen(0, "127.0.0.1", on_listening)
    pynet.run()
    return seen


def test_v1_tcp4_with_data_in_the_same_packet(loop: Any) -> None:
    seen = serve([b"PROXY TCP4 203.0.113.7 198.51.100.1 4242 443\r\nhello", b" world"])
    assert (seen["remoteAddress"], seen["remotePort"], seen["remoteFamily"]) == \
        ("203.0.113.7", 4242, "IPv4")
    assert (seen["localAddress"], seen["localPort"]) == ("198.51.100.1", 443)
    assert seen["data"] == b"hello world"
    proxy = seen["proxy"]
    assert proxy["version"] == 1 and proxy.command == "PROXY" and proxy.family == "TCP4"
    assert proxy.header == b"PROXY TCP4 203.0.113.7 198.51.100.1 4242 443\r\n"


def test_v1_tcp6_split_byte_by_byte(loop: Any) -> None:
    line = b"PROXY TCP6 2001:db8::1 2001:db8::2 65535 80\r\n"
    seen = serve([line[i:i + 1] for i in range(len(line))] + [b"x"])
    assert (seen["remoteAddress"], seen["remotePort"], seen["remoteFamily"]) == \
        ("2001:db8::1", 65535, "IPv6")
    assert seen["data"] == b"x"


def test_v1_unknown_keeps_the_real_peer(loop: Any) -> None:
    seen = serve([b"PROXY UNKNOWN\r\n", b"data"])
    assert seen["remoteAddress"] == "127.0.0.1" and seen["proxy"].family == "UNKNOWN"
    assert seen["data"] == b"data"


def test_v2_tcp4_with_tlvs(loop: Any) -> None:
    tlv = bytes([0x04]) + struct.pack("!H", 3) + b"abc"
    seen = serve([v2_tcp4("192.0.2.9", "192.0.2.10", 5000, 8080, tlv) + b"after"])
    assert (seen["remoteAddress"], seen["remotePort"], seen["remoteFamily"]) == \
        ("192.0.2.9", 5000, "IPv4")
    assert seen["proxy"].version == 2 and seen["proxy"].tlvs == [{"type": 4, "value": b"abc"}]
    assert seen["data"] == b"after"


def test_v2_tcp6(loop: Any) -> None:
    body = (socket.inet_pton(socket.AF_INET6, "2001:db8::7")
            + socket.inet_pton(socket.AF_INET6, "::1") + struct.pack("!HH", 1, 2))
    seen = serve([v2(1, 0x21, body)[:10], v2(1, 0x21, body)[10:]])
    assert (seen["remoteAddress"], seen["remotePort"], seen["remoteFamily"]) == \
        ("2001:db8::7", 1, "IPv6")


def test_v2_local_health_check_keeps_the_real_peer(loop: Any) -> None:
    seen = serve([v2(0, 0x00, b"") + b"ping"])
    assert seen["remoteAddress"] == "127.0.0.1" and seen["proxy"].command == "LOCAL"
    assert seen["data"] == b"ping"


BAD = {
    "no header": [b"GET / HTTP/1.0\r\n\r\n"],
    "v1 bad address": [b"PROXY TCP4 300.1.1.1 1.1.1.1 1 2\r\ndata"],
    "v1 bad port": [b"PROXY TCP4 1.1.1.1 1.1.1.1 99999 2\r\ndata"],
    "v1 family mismatch": [b"PROXY TCP4 ::1 ::1 1 2\r\ndata"],
    "v1 too long": [b"PROXY TCP4 " + b"1" * 120],
    "v2 bad version": [SIG + b"\x31\x11\x00\x0c" + b"\x00" * 12 + b"data"],
    "v2 bad command": [SIG + b"\x22\x11\x00\x0c" + b"\x00" * 12 + b"data"],
    "v2 short address block": [SIG + b"\x21\x11\x00\x04" + b"\x00" * 4 + b"data"],
    "v2 truncated tlv": [v2(1, 0x11, b"\x00" * 12 + b"\x04\x00\x09ab") + b"data"],
    "ends before the header": [b"PROXY TCP4 1.2.3.4"],
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_header_destroys_the_socket_and_never_reaches_data(loop: Any, case: str) -> None:
    seen = serve(BAD[case])
    assert seen["connections"] == 0
    assert "leaked" not in seen and seen["data"] == b""
    [err] = seen["errors"]
    assert err.code == "ERR_PROXY_PROTOCOL"
    assert str(err).startswith("Invalid PROXY protocol header: ")
    assert seen["socket_error"] is err


def test_silent_client_times_out(loop: Any) -> None:
    server = net.createServer({"proxyProtocol": True, "proxyProtocolTimeout": 50})
    errors: list[Any] = []
    client_box: list[Any] = []

    def on_proxy_error(err: Any, sock: Any) -> None:
        errors.append(err)
        server.close()
        client_box[0].destroy()

    server.on("proxyError", on_proxy_error)
    server.on("connection", lambda sock: errors.append("connection"))

    def on_listening() -> None:
        client_box.append(net.connect(server.address()["port"], "127.0.0.1"))

    server.listen(0, "127.0.0.1", on_listening)
    pynet.run()
    assert [e.code for e in errors] == ["ERR_PROXY_PROTOCOL"]
    assert "within 50 ms" in str(errors[0])


def test_parse_header_needs_more_bytes() -> None:
    assert parse_header(b"PRO") is None
    assert parse_header(SIG[:5]) is None
    assert parse_header(v2_tcp4("1.2.3.4", "5.6.7.8", 1, 2)[:20]) is None
    header, size = parse_header(b"PROXY UNKNOWN ffff::1 ffff::2 1 2\r\nrest") or ({}, 0)
    assert size == len(b"PROXY UNKNOWN ffff::1 ffff::2 1 2\r\n") and header["family"] == "UNKNOWN"


# -- a real HAProxy in front ----------------------------------------------------------------

HAPROXY = shutil.which("haproxy")


@pytest.mark.skipif(HAPROXY is None, reason="haproxy is not installed (.ci/run installs it)")
@pytest.mark.parametrize("mode", ["send-proxy", "send-proxy-v2"])
def test_behind_a_real_haproxy(loop: Any, tmp_path: Path, mode: str) -> None:
    assert HAPROXY is not None
    front = socket.socket()
    front.bind(("127.0.0.1", 0))
    front.listen(16)
    seen: dict[str, Any] = {}
    server = net.createServer({"proxyProtocol": True})

    def on_connection(sock: Any) -> None:
        seen.update(remoteAddress=sock.remoteAddress, remotePort=sock.remotePort,
                    remoteFamily=sock.remoteFamily, version=sock.proxy.version)
        sock.on("data", lambda d: sock.end(b"echo:" + d))

    server.on("connection", on_connection)
    server.on("proxyError", lambda err, sock: seen.setdefault("error", err))
    server.listen(0, "127.0.0.1")
    config = tmp_path / "haproxy.cfg"
    config.write_text(textwrap.dedent(f"""
        global
            maxconn 64
        defaults
            mode tcp
            timeout connect 5s
            timeout client 30s
            timeout server 30s
        frontend fe
            bind fd@{front.fileno()}
            default_backend be
        backend be
            server s1 127.0.0.1:{server.address()['port']} {mode}
    """))
    proxy = subprocess.Popen([HAPROXY, "-f", str(config), "-db"], pass_fds=[front.fileno()],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        client = net.connect({"port": front.getsockname()[1], "host": "127.0.0.1",
                              "localAddress": "127.0.0.2"})
        reply: list[bytes] = []
        client.on("connect", lambda: (seen.update(clientPort=client.localPort),
                                      client.write(b"hi")))
        client.on("data", reply.append)
        client.on("end", lambda: server.close())
        guard = pynet.setTimeout(lambda: (client.destroy(), server.close()), 20000)
        guard.unref()
        pynet.run()
        pynet.clearTimeout(guard)
    finally:
        proxy.terminate()
        proxy.wait(10)
        if proxy.stderr is not None:
            proxy.stderr.close()
        front.close()
    assert "error" not in seen
    assert b"".join(reply) == b"echo:hi"
    assert seen["remoteAddress"] == "127.0.0.2"  # The TCP peer is HAProxy on 127.0.0.1.
    assert seen["remotePort"] == seen["clientPort"]
    assert seen["remoteFamily"] == "IPv4"
    assert seen["version"] == (2 if mode.endswith("v2") else 1)
