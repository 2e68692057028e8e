"""X.509 certificates as Node shows them (``translatePeerCertificate``), from DER.

Theory of operation
-------------------
Python's ``ssl`` gives a peer certificate as a dict only when it was verified
(``getpeercert()`` is empty otherwise, and lacks Node's ``modulus``,
``fingerprint``, ``pubkey``…), but always as DER (``binary_form=True``).  So
this module reads DER itself: a minimal ASN.1 reader (:func:`_tlv`) walks the
``Certificate`` structure (RFC 5280 §4.1) and :func:`certificate_object`
builds Node's object with Node's keys, in Node's order, in Node's formats
(``crypto::X509ToObject`` in ``src/crypto/crypto_x509.cc``): ``subject`` and
``issuer`` with OpenSSL's short names, ``subjectaltname`` as
``'DNS:a, IP Address:127.0.0.1'``, ``valid_from`` as ``'Jan  1 00:00:00
2030 GMT'``, upper-case hex serial and fingerprints, ``raw`` DER bytes.

It also answers the questions pynet must answer without OpenSSL's verifier
(see :mod:`pynet._tls.context`): is a certificate self-signed, who issued it,
is it in its validity period, and does an RSA signature check.

Invariants
----------
* Parsing never raises on odd input: a malformed certificate gives ``None``.
* Only reading: nothing here touches the loop or the network.
"""

from __future__ import annotations

import calendar
import hashlib
import ipaddress
import re
import time
from typing import Any

from pynet._js.nodeobject import NodeObject, NullPrototypeObject

__all__ = ["Certificate", "certificate_object", "parse_certificate", "pem_to_der_list"]

# OID (dotted) -> OpenSSL short name, for names; Node prints these keys.
_NAME_OIDS = {
    "2.5.4.3": "CN", "2.5.4.6": "C", "2.5.4.7": "L", "2.5.4.8": "ST", "2.5.4.10": "O",
    "2.5.4.11": "OU", "2.5.4.5": "serialNumber", "2.5.4.4": "SN", "2.5.4.42": "GN",
    "2.5.4.12": "title", "2.5.4.9": "street", "2.5.4.17": "postalCode",
    "2.5.4.46": "dnQualifier", "2.5.4.65": "pseudonym", "2.5.4.43": "initials",
    "2.5.4.44": "generationQualifier", "2.5.4.15": "businessCategory",
    "1.2.840.113549.1.9.1": "emailAddress", "0.9.2342.19200300.100.1.25": "DC",
    "0.9.2342.19200300.100.1.1": "UID", "1.3.6.1.4.1.311.60.2.1.3": "jurisdictionC",
    "1.3.6.1.4.1.311.60.2.1.2": "jurisdictionST", "1.3.6.1.4.1.311.60.2.1.1": "jurisdictionL",
}
_CURVES = {  # OID -> (OpenSSL name, NIST name or None, bits)
    "1.2.840.10045.3.1.7": ("prime256v1", "P-256", 256),
    "1.3.132.0.34": ("secp384r1", "P-384", 384),
    "1.3.132.0.35": ("secp521r1", "P-521", 521),
    "1.3.132.0.10": ("secp256k1", None, 256),
}
_RSA = "1.2.840.113549.1.1.1"
_EC = "1.2.840.10045.2.1"
_ED25519 = "1.3.101.112"
_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_AIA_METHODS = {"1.3.6.1.5.5.7.48.1": "OCSP - URI", "1.3.6.1.5.5.7.48.2": "CA Issuers - URI"}


class _BadError(Exception):
    """Malformed DER."""


def _tlv(data: bytes, pos: int) -> tuple[int, int, int]:
    """One DER element at ``pos``: ``(tag, content_start, content_end)``."""
    if pos + 2 > len(data):
        raise _BadError
    tag = data[pos]
    length = data[pos + 1]
    pos += 2
    if length & 0x80:
        count = length & 0x7F
        if not count or count > 4 or pos + count > len(data):
            raise _BadError
        length = int.from_bytes(data[pos:pos + count], "big")
        pos += count
    end = pos + length
    if end > len(data):
        raise _BadError
    return tag, pos, end


def _children(data: bytes, start: int, end: int) -> list[tuple[int, int, int]]:
    out = []
    while start < end:
        tag, cstart, cend = _tlv(data, start)
        out.append((tag, cstart, cend))
        start = cend
    return out


def _oid(raw: bytes) -> str:
    if not raw:
        return ""
    parts = [raw[0] // 40 if raw[0] < 80 else 2, raw[0] % 40 if raw[0] < 80 else raw[0] - 80]
    value = 0
    for byte in raw[1:]:
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            parts.append(value)
            value = 0
    return ".".join(map(str, parts))


def _string(tag: int, raw: bytes) -> str:
    if tag == 0x1E:  # BMPString
        return raw.decode("utf-16-be", "replace")
    if tag == 0x1C:  # UniversalString
        return raw.decode("utf-32-be", "replace")
    if tag == 0x0C:
        return raw.decode("utf-8", "replace")
    return raw.decode("latin-1")


def _name(data: bytes, start: int, end: int) -> tuple[NodeObject, list[tuple[str, str]]]:
    """A ``Name``: Node's object (repeated keys become lists) and the raw pairs."""
    pairs: list[tuple[str, str]] = []
    for _, rs, re_ in _children(data, start, end):  # RelativeDistinguishedName (SET)
        for _, as_, ae in _children(data, rs, re_):  # AttributeTypeAndValue
            (_t1, o1, o2), (t2, v1, v2) = _children(data, as_, ae)[:2]
            oid = _oid(data[o1:o2])
            pairs.append((_NAME_OIDS.get(oid, oid), _string(t2, data[v1:v2])))
    obj: NodeObject = NullPrototypeObject()  # Node: Object::New with a null prototype
    for key, value in pairs:
        if key in obj:
            prev = obj[key]
            obj[key] = (prev if isinstance(prev, list) else [prev]) + [value]
        else:
            obj[key] = value
    return obj, pairs


def _time(tag: int, raw: bytes) -> float:
    text = raw.decode("ascii").rstrip("Z")
    if tag == 0x17:  # UTCTime YYMMDDHHMMSS
        year = int(text[:2])
        text = ("19" if year >= 50 else "20") + text
    return calendar.timegm(time.strptime(text[:14], "%Y%m%d%H%M%S"))


def _node_time(ts: float) -> str:
    t = time.gmtime(ts)
    return f"{_MONTHS[t.tm_mon - 1]} {t.tm_mday:2d} {t.tm_hour:02d}:{t.tm_min:02d}:" \
           f"{t.tm_sec:02d} {t.tm_year} GMT"


def _colon_hex(digest: bytes) -> str:
    return ":".join(f"{b:02X}" for b in digest)


def _alt_name(raw: bytes) -> str:
    """Node's ``PrintAltName`` for an IA5String name (CVE-2021-44532): a name with a
    character that is not printable ASCII, or with ``"``, ``\\``, ``,`` or ``'``, is
    JSON-quoted, control and non-ASCII bytes as ``\\u00XX`` (Latin-1), commas too."""
    if all(0x20 <= b <= 0x7E and b not in b'"\\,\'' for b in raw):
        return raw.decode("ascii")
    parts = []
    for b in raw:
        if b == 0x5C:
            parts.append("\\\\")
        elif b == 0x22:
            parts.append('\\"')
        elif 0x20 <= b <= 0x7E and b != 0x2C:
            parts.append(chr(b))
        else:
            parts.append(f"\\u00{b:02x}")
    return '"' + "".join(parts) + '"'


def _general_names(data: bytes, start: int, end: int) -> list[str]:
    """SubjectAltName entries in Node 20's format."""
    out = []
    for tag, s, e in _children(data, start, end):
        raw = data[s:e]
        kind = tag & 0x1F
        if kind == 2:
            out.append("DNS:" + _alt_name(raw))
        elif kind == 1:
            out.append("email:" + _alt_name(raw))
        elif kind == 6:
            out.append("URI:" + _alt_name(raw))
        elif kind == 7:
            if len(raw) == 4:
                out.append("IP Address:" + str(ipaddress.IPv4Address(raw)))
            elif len(raw) == 16:
                words = [int.from_bytes(raw[i:i + 2], "big") for i in range(0, 16, 2)]
                out.append("IP Address:" + ":".join(f"{w:X}" for w in words))
            else:
                out.append("IP Address:<invalid>")
        elif kind == 4:
            _, ns, ne = _tlv(data, s)
            _obj, _pairs = _name(data, ns, ne)
            out.append("DirName:" + "".join(f"/{k}={v}" for k, v in _pairs))
        elif kind == 8:
            out.append("Registered ID:" + _oid(raw))
        else:
            out.append("othername:<unsupported>")
    return out


class Certificate:
    """The parts of one parsed certificate that pynet uses."""

    __slots__ = ("ca", "der", "eku", "info_access", "issuer", "issuer_der", "not_after",
                 "not_before", "pubkey", "pubkey_info", "san", "serial", "sig_alg",
                 "signature", "subject", "subject_der", "tbs")

    def __init__(self) -> None:
        self.der = b""
        self.tbs = b""
        self.serial = ""
        self.subject: NodeObject = NullPrototypeObject()
        self.issuer: NodeObject = NullPrototypeObject()
        self.subject_der = b""
        self.issuer_der = b""
        self.not_before = 0.0
        self.not_after = 0.0
        self.pubkey = b""
        self.pubkey_info: dict[str, Any] = {}
        self.san: list[str] | None = None
        self.info_access: dict[str, list[str]] | None = None
        self.ca = False
        self.eku: list[str] | None = None
        self.sig_alg = ""
        self.signature = b""

    @property
    def self_signed(self) -> bool:
        return self.subject_der == self.issuer_der


def parse_certificate(der: bytes) -> Certificate | None:
    """Parse a DER certificate; ``None`` when it is malformed."""
    try:
        return _parse(bytes(der))
    except (_BadError, ValueError, IndexError, UnicodeDecodeError):
        return None


def _parse(der: bytes) -> Certificate:
    cert = Certificate()
    cert.der = der
    _, cs, ce = _tlv(der, 0)
    tbs_el, alg_el, sig_el = _children(der, cs, ce)[:3]
    cert.tbs = der[cs:tbs_el[2]]  # The signed bytes: tbsCertificate, tag included.
    cert.sig_alg = _oid(der[_children(der, alg_el[1], alg_el[2])[0][1]:
                            _children(der, alg_el[1], alg_el[2])[0][2]])
    cert.signature = der[sig_el[1] + 1:sig_el[2]]  # BIT STRING: skip the unused-bits byte
    fields = _children(der, tbs_el[1], tbs_el[2])
    i = 0
    if fields[0][0] == 0xA0:  # [0] version
        i = 1
    serial = der[fields[i][1]:fields[i][2]]
    cert.serial = serial.lstrip(b"\0").hex().upper() or "00"
    issuer_el, validity_el, subject_el, spki_el = fields[i + 2], fields[i + 3], fields[i + 4], \
        fields[i + 5]
    cert.issuer, _ = _name(der, issuer_el[1], issuer_el[2])
    cert.subject, _ = _name(der, subject_el[1], subject_el[2])
    cert.issuer_der = der[issuer_el[1]:issuer_el[2]]
    cert.subject_der = der[subject_el[1]:subject_el[2]]
    (t1, a1, b1), (t2, a2, b2) = _children(der, validity_el[1], validity_el[2])[:2]
    cert.not_before = _time(t1, der[a1:b1])
    cert.not_after = _time(t2, der[a2:b2])
    spki_start = _element_start(der, spki_el)
    cert.pubkey = der[spki_start:spki_el[2]]
    cert.pubkey_info = _public_key(der, spki_el[1], spki_el[2])
    for tag, s, _e in fields[i + 6:]:
        if tag == 0xA3:  # [3] extensions
            _, es, ee = _tlv(der, s)
            for _, xs, xe in _children(der, es, ee):
                _extension(cert, der, xs, xe)
    return cert


def _element_start(der: bytes, element: tuple[int, int, int]) -> int:
    """The offset of an element's tag, from its content offset."""
    _, start, _ = element
    # Walk back over the length bytes: find the tag position whose TLV ends here.
    for back in range(2, 7):
        pos = start - back
        if pos >= 0:
            try:
                tag, s, e = _tlv(der, pos)
            except _BadError:
                continue
            if s == start and e == element[2] and tag == element[0]:
                return pos
    raise _BadError


def _public_key(der: bytes, start: int, end: int) -> dict[str, Any]:
    (_, as_, ae), (_, ks, ke) = _children(der, start, end)[:2]
    alg = _children(der, as_, ae)
    oid = _oid(der[alg[0][1]:alg[0][2]])
    key = der[ks + 1:ke]
    if oid == _RSA:
        _, ss, se = _tlv(key, 0)
        (_, ns, ne), (_, es, ee) = _children(key, ss, se)[:2]
        n = int.from_bytes(key[ns:ne], "big")
        e = int.from_bytes(key[es:ee], "big")
        return {"type": "RSA", "n": n, "e": e}
    if oid == _EC:
        curve_oid = _oid(der[alg[1][1]:alg[1][2]]) if len(alg) > 1 else ""
        name, nist, bits = _CURVES.get(curve_oid, (curve_oid, None, 0))
        return {"type": "EC", "curve": name, "nist": nist, "bits": bits, "point": key}
    if oid == _ED25519:
        return {"type": "ED25519", "bits": 256}
    return {"type": oid}


def _extension(cert: Certificate, der: bytes, start: int, end: int) -> None:
    parts = _children(der, start, end)
    oid = _oid(der[parts[0][1]:parts[0][2]])
    value = parts[-1]
    _, vs, ve = _tlv(der, value[1])
    if oid == "2.5.29.17":
        cert.san = _general_names(der, vs, ve)
    elif oid == "2.5.29.19":
        for tag, s, e in _children(der, vs, ve):
            if tag == 0x01:
                cert.ca = der[s:e] != b"\0"
    elif oid == "2.5.29.37":
        cert.eku = [_oid(der[s:e]) for _, s, e in _children(der, vs, ve)]
    elif oid == "1.3.6.1.5.5.7.1.1":
        access: dict[str, list[str]] = {}
        for _, s, e in _children(der, vs, ve):
            (_, ms, me), (tag, ls, le) = _children(der, s, e)[:2]
            method = _AIA_METHODS.get(_oid(der[ms:me]), _oid(der[ms:me]))
            if tag & 0x1F == 6:
                access.setdefault(method, []).append(der[ls:le].decode("latin-1"))
        cert.info_access = access


def certificate_object(cert: Certificate) -> NodeObject:
    """Node's certificate object (``X509ToObject``), keys in Node's order."""
    obj = NodeObject()
    obj["subject"] = cert.subject
    obj["issuer"] = cert.issuer
    if cert.san is not None:
        obj["subjectaltname"] = ", ".join(cert.san)
    if cert.info_access is not None:
        info = NullPrototypeObject()  # translatePeerCertificate: { __proto__: null }
        for key, values in cert.info_access.items():
            info[key] = list(values)
        obj["infoAccess"] = info
    obj["ca"] = cert.ca
    info_key = cert.pubkey_info
    if info_key.get("type") == "RSA":
        obj["modulus"] = f"{info_key['n']:X}"
        obj["bits"] = info_key["n"].bit_length()
        obj["exponent"] = f"0x{info_key['e']:x}"
        obj["pubkey"] = cert.pubkey
    elif info_key.get("type") == "EC":
        obj["bits"] = info_key["bits"]
        obj["pubkey"] = info_key["point"]
        obj["asn1Curve"] = info_key["curve"]
        if info_key["nist"]:
            obj["nistCurve"] = info_key["nist"]
    obj["valid_from"] = _node_time(cert.not_before)
    obj["valid_to"] = _node_time(cert.not_after)
    obj["fingerprint"] = _colon_hex(hashlib.sha1(cert.der).digest())
    obj["fingerprint256"] = _colon_hex(hashlib.sha256(cert.der).digest())
    obj["fingerprint512"] = _colon_hex(hashlib.sha512(cert.der).digest())
    if cert.eku is not None:
        obj["ext_key_usage"] = list(cert.eku)
    obj["serialNumber"] = cert.serial
    obj["raw"] = cert.der
    return obj


_PEM_CERT = re.compile(
    r"-----BEGIN (X509 |TRUSTED |)CERTIFICATE-----(.*?)-----END \1CERTIFICATE-----", re.S)


def pem_to_der_list(pem: str | bytes) -> list[bytes]:
    """Every certificate block of a PEM text, as DER: ``CERTIFICATE``, and as OpenSSL
    (so Node) also reads them, ``X509 CERTIFICATE`` and ``TRUSTED CERTIFICATE`` (whose
    trust settings after the certificate are dropped)."""
    import base64

    text = pem.decode("latin-1") if isinstance(pem, (bytes, bytearray)) else pem
    out: list[bytes] = []
    for match in _PEM_CERT.finditer(text):
        try:
            der = base64.b64decode("".join(match.group(2).split()))
        except ValueError:
            continue
        if match.group(1) == "TRUSTED " and len(der) > 4 and der[0] == 0x30:
            # The certificate is the first DER element; X509_AUX follows.
            n = der[1]
            size = 2 + n if n < 0x80 else 2 + (n & 0x7F) + int.from_bytes(
                der[2:2 + (n & 0x7F)], "big")
            der = der[:size]
        out.append(der)
    return out
