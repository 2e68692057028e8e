"""pynet._tls.x509 and the verification helpers of pynet._tls.context (no network)."""

from __future__ import annotations

import ssl
from pathlib import Path

import pytest

from pynet._tls.context import SecureContext, _signed_by, check_chain
from pynet._tls.handle import client_hello_server_name
from pynet._tls.x509 import certificate_object, parse_certificate, pem_to_der_list
from tests.tls_certs import Certs, make_certs, openssl_path

pytestmark = pytest.mark.skipif(openssl_path() is None, reason="needs the openssl CLI")


@pytest.fixture(scope="module")
def certs(tmp_path_factory: pytest.TempPathFactory) -> Certs:
    return make_certs(Path(tmp_path_factory.mktemp("x509")))


def der(certs: Certs, name: str) -> bytes:
    return ssl.PEM_cert_to_DER_cert(certs[name])


def test_pem_blocks(certs: Certs) -> None:
    both = certs["server-cert.pem"] + certs["ca-cert.pem"]
    assert pem_to_der_list(both) == [der(certs, "server-cert.pem"), der(certs, "ca-cert.pem")]
    assert pem_to_der_list("no certificate here") == []


def test_malformed_der_is_none(certs: Certs) -> None:
    good = der(certs, "server-cert.pem")
    assert parse_certificate(b"") is None
    assert parse_certificate(b"\x30\x82\xff\xff") is None
    assert parse_certificate(good[:100]) is None
    assert parse_certificate(good) is not None


def test_rsa_and_ec_objects(certs: Certs) -> None:
    rsa = certificate_object(parse_certificate(der(certs, "server-cert.pem")))  # type: ignore[arg-type]
    assert rsa["bits"] == 2048 and rsa["exponent"] == "0x10001" and "asn1Curve" not in rsa
    ec = certificate_object(parse_certificate(der(certs, "self-cert.pem")))  # type: ignore[arg-type]
    assert ec["asn1Curve"] == "prime256v1" and ec["nistCurve"] == "P-256" and ec["bits"] == 256
    assert len(ec["pubkey"]) == 65 and ec["pubkey"][0] == 4
    assert ec["subject"] == {"CN": "localhost"} and ec["subjectaltname"] == "DNS:localhost"


def test_signatures_rsa_and_ecdsa(certs: Certs) -> None:
    ca = parse_certificate(der(certs, "ca-cert.pem"))
    leaf = parse_certificate(der(certs, "server-cert.pem"))
    ec_self = parse_certificate(der(certs, "self-cert.pem"))
    other_ca = parse_certificate(der(certs, "other-ca-cert.pem"))
    assert ca and leaf and ec_self and other_ca
    assert _signed_by(leaf, ca)
    assert not _signed_by(leaf, other_ca)
    assert _signed_by(ec_self, ec_self)  # ECDSA P-256 self-signature
    tampered = parse_certificate(der(certs, "server-cert.pem"))
    assert tampered is not None
    tampered.tbs = tampered.tbs[:-1] + bytes([tampered.tbs[-1] ^ 1])
    assert not _signed_by(tampered, ca)
    bad_ec = parse_certificate(der(certs, "self-cert.pem"))
    assert bad_ec is not None
    bad_ec.tbs = b"x" + bad_ec.tbs[1:]
    assert not _signed_by(bad_ec, ec_self)


def test_check_chain_codes(certs: Certs) -> None:
    ctx = SecureContext({"ca": certs["ca-cert.pem"]})
    assert check_chain(ctx, der(certs, "server-cert.pem")) is None
    assert check_chain(ctx, der(certs, "expired-cert.pem")) == "CERT_HAS_EXPIRED"
    assert check_chain(ctx, der(certs, "self-cert.pem")) == "DEPTH_ZERO_SELF_SIGNED_CERT"
    assert check_chain(ctx, der(certs, "other-cert.pem")) == "UNABLE_TO_VERIFY_LEAF_SIGNATURE"
    assert check_chain(ctx, None) == "UNABLE_TO_GET_ISSUER_CERT"
    # Same issuer name, another key: the signature decides (Node v20 reports it so).
    assert check_chain(ctx, der(certs, "forged-cert.pem")) == "UNABLE_TO_VERIFY_LEAF_SIGNATURE"
    trusting_self = SecureContext({"ca": certs["self-cert.pem"]})
    assert check_chain(trusting_self, der(certs, "self-cert.pem")) is None


def _client_hello(name: str | None) -> bytes:
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    incoming, outgoing = ssl.MemoryBIO(), ssl.MemoryBIO()
    obj = ctx.wrap_bio(incoming, outgoing, server_hostname=name)
    with pytest.raises(ssl.SSLWantReadError):
        obj.do_handshake()
    return outgoing.read()


def test_client_hello_server_name() -> None:
    hello = _client_hello("example.org")
    assert client_hello_server_name(hello) == ("done", "example.org")
    assert client_hello_server_name(hello + b"\x14\x03\x03\x00\x01\x01") == ("done", "example.org")
    for cut in (0, 3, 5, 40, len(hello) - 1):
        assert client_hello_server_name(hello[:cut]) == ("more", None)
    assert client_hello_server_name(_client_hello(None)) == ("done", None)
    assert client_hello_server_name(b"GET / HTTP/1.1\r\n\r\n") == ("bad", None)
    # The same handshake message split over two records.
    body = hello[5:]
    split = (b"\x16\x03\x01" + (100).to_bytes(2, "big") + body[:100] + b"\x16\x03\x01"
             + (len(body) - 100).to_bytes(2, "big") + body[100:])
    assert client_hello_server_name(split) == ("done", "example.org")


def test_alt_names_escaped_as_node_20():
    # Node's PrintAltName (CVE-2021-44532): unsafe names are JSON-quoted.
    from pynet._tls.x509 import _alt_name
    assert _alt_name(b"plain.example.com") == "plain.example.com"
    assert _alt_name(b"a\0b") == '"a\\u0000b"'
    assert _alt_name(b"a,b") == '"a\\u002cb"'
    assert _alt_name(b'q"\\') == '"q\\"\\\\"'
    assert _alt_name(b"it's") == "\"it's\""
    assert _alt_name("é".encode("latin-1")) == '"\\u00e9"'
