"""Port of test/parallel/test-tls-0-dns-altname.js (Node v20).

A certificate whose first DNS altname holds a NUL byte (CVE-2009-2408): the client's
getPeerCertificate().subjectaltname shows it JSON-quoted, as Node v20 does
(CVE-2021-44532), so it cannot pass for two names.
"""

from __future__ import annotations

import subprocess

import pytest

from pynet import run, tls
from tests.conformance._tls_fixtures import needs_openssl

pytestmark = needs_openssl


def _tlv(tag: int, body: bytes) -> bytes:
    n = len(body)
    length = bytes([n]) if n < 128 else bytes([0x81, n])
    return bytes([tag]) + length + body


@pytest.fixture(scope="module")
def zero_dns(tmp_path_factory):
    # Node's fixtures/0-dns: its SAN, written as DER (dNSName [2], iPAddress [7]).
    san = _tlv(0x30, b"".join([
        _tlv(0x82, b"good.example.org\0.evil.example.com"),
        _tlv(0x82, b"just-another.example.com"),
        _tlv(0x87, bytes([8, 8, 8, 8])),
        _tlv(0x87, bytes([8, 8, 4, 4])),
        _tlv(0x82, b"last.example.com"),
    ]))
    d = tmp_path_factory.mktemp("0-dns")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                    "-keyout", "0-dns-key.pem", "-out", "0-dns-cert.pem", "-days", "3650",
                    "-subj", "/CN=evil.example.com",
                    "-addext", f"subjectAltName=DER:{san.hex()}"],
                   cwd=d, check=True, capture_output=True)
    return {"key": (d / "0-dns-key.pem").read_bytes(),
            "cert": (d / "0-dns-cert.pem").read_bytes()}


def test_0_dns_altname(checker, zero_dns):
    def on_connection(c):
        def on_data(_data):
            c.destroy()
            server.close()

        c.once("data", on_data)

    server = tls.createServer(zero_dns, on_connection)

    def on_listening():
        def on_secure():
            cert = c.getPeerCertificate()
            assert cert["subjectaltname"] == (
                'DNS:"good.example.org\\u0000.evil.example.com", '
                "DNS:just-another.example.com, "
                "IP Address:8.8.8.8, "
                "IP Address:8.8.4.4, "
                "DNS:last.example.com")
            c.write("ok")

        c = tls.connect(server.address().port, {"rejectUnauthorized": False},
                        checker.must_call(on_secure))
        # Node leaves the client to the process exit; here it reads to its close.
        c.resume()

    server.listen(0, checker.must_call(on_listening))
    run()
