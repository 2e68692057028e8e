"""IP address text: ``isIP`` and libuv's ``inet_pton``/``inet_ntop``.

Pure functions on strings, shared by :mod:`pynet.dns` and :mod:`pynet.net`
as Node's ``lib/internal/net.js`` is:

* :func:`isIP`, :func:`isIPv4`, :func:`isIPv6` — Node's ``IPv4Reg``/``IPv6Reg``
  translated regex for regex; never raise.
* :func:`inet_pton` — libuv's ``inet_pton4``/``inet_pton6`` (``src/inet.c``):
  no leading zeros in dotted quads, a zone id accepted and dropped.
* :func:`inet_ntop` — glibc's text form (``::ffff:1.2.3.4``, ``1::1``).
"""

from __future__ import annotations

import re

from pynet._js.value import to_string

__all__ = ["inet_ntop", "inet_pton", "isIP", "isIPv4", "isIPv6"]

# --- isIP (lib/internal/net.js) ---------------------------------------------------

_V4_SEG = "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])"
_V4_STR = rf"(?:{_V4_SEG}\.){{3}}{_V4_SEG}"
_V6_SEG = "(?:[0-9a-fA-F]{1,4})"
_IPV4_RE = re.compile(rf"{_V4_STR}\Z")
_IPV6_RE = re.compile(
    "(?:"
    rf"(?:{_V6_SEG}:){{7}}(?:{_V6_SEG}|:)|"
    rf"(?:{_V6_SEG}:){{6}}(?:{_V4_STR}|:{_V6_SEG}|:)|"
    rf"(?:{_V6_SEG}:){{5}}(?::{_V4_STR}|(?::{_V6_SEG}){{1,2}}|:)|"
    rf"(?:{_V6_SEG}:){{4}}(?:(?::{_V6_SEG}){{0,1}}:{_V4_STR}|(?::{_V6_SEG}){{1,3}}|:)|"
    rf"(?:{_V6_SEG}:){{3}}(?:(?::{_V6_SEG}){{0,2}}:{_V4_STR}|(?::{_V6_SEG}){{1,4}}|:)|"
    rf"(?:{_V6_SEG}:){{2}}(?:(?::{_V6_SEG}){{0,3}}:{_V4_STR}|(?::{_V6_SEG}){{1,5}}|:)|"
    rf"(?:{_V6_SEG}:){{1}}(?:(?::{_V6_SEG}){{0,4}}:{_V4_STR}|(?::{_V6_SEG}){{1,6}}|:)|"
    rf"(?::(?:(?::{_V6_SEG}){{0,5}}:{_V4_STR}|(?::{_V6_SEG}){{1,7}}|:))"
    r")(?:%[0-9a-zA-Z\-.:]{1,})?\Z"
)


def _address_text(value: object) -> str:
    """``String(value)``, which Node's ``RegExp.test`` applies to the input of ``isIP``."""
    # Discussion: Node reads a Buffer as its text (isIP(Buffer.from('1.2.3.4'))
    # is 4); pynet's tests pin isIP(b'1.2.3.4') == 0, so bytes spell no address.
    if isinstance(value, (bytes, bytearray, memoryview)):
        return ""
    return to_string(value)


def isIPv4(input: object) -> bool:  # noqa: A002 - Node's parameter name
    """``net.isIPv4``: dotted decimal, four parts, no leading zeros."""
    return _IPV4_RE.match(_address_text(input)) is not None


def isIPv6(input: object) -> bool:  # noqa: A002
    """``net.isIPv6``: Node's IPv6 regex (embedded IPv4 and ``%zone`` allowed)."""
    return _IPV6_RE.match(_address_text(input)) is not None


def isIP(input: object) -> int:  # noqa: A002
    """``net.isIP``: ``4``, ``6`` or ``0``; never raises."""
    if isIPv4(input):
        return 4
    if isIPv6(input):
        return 6
    return 0


# --- libuv's inet_pton / glibc's inet_ntop ----------------------------------------

_HEX = "0123456789abcdefABCDEF"


def _pton4(text: str) -> bytes | None:
    """``inet_pton4`` of libuv (``src/inet.c``)."""
    out = [0]
    saw_digit = False
    octets = 0
    for ch in text:
        if "0" <= ch <= "9":
            new = out[-1] * 10 + (ord(ch) - 48)
            if saw_digit and out[-1] == 0:
                return None
            if new > 255:
                return None
            out[-1] = new
            if not saw_digit:
                octets += 1
                if octets > 4:
                    return None
                saw_digit = True
        elif ch == "." and saw_digit:
            if octets == 4:
                return None
            out.append(0)
            saw_digit = False
        else:
            return None
    if octets < 4:
        return None
    return bytes(out)


def _pton6(text: str) -> bytes | None:
    """``inet_pton6`` of libuv (``src/inet.c``), without the zone handling."""
    tmp = bytearray(16)
    tp = 0
    colonp: int | None = None
    i = 0
    n = len(text)
    if n and text[0] == ":":
        if n < 2 or text[1] != ":":
            return None
        i = 1
    curtok = i
    seen_xdigits = 0
    val = 0
    while i < n:
        ch = text[i]
        i += 1
        if ch in _HEX:
            val = (val << 4) | int(ch, 16)
            seen_xdigits += 1
            if seen_xdigits > 4:
                return None
            continue
        if ch == ":":
            curtok = i
            if not seen_xdigits:
                if colonp is not None:
                    return None
                colonp = tp
                continue
            if i >= n:
                return None
            if tp + 2 > 16:
                return None
            tmp[tp:tp + 2] = val.to_bytes(2, "big")
            tp += 2
            seen_xdigits = 0
            val = 0
            continue
        if ch == "." and tp + 4 <= 16:
            quad = _pton4(text[curtok:])
            if quad is not None:
                tmp[tp:tp + 4] = quad
                tp += 4
                seen_xdigits = 0
                break
        return None
    if seen_xdigits:
        if tp + 2 > 16:
            return None
        tmp[tp:tp + 2] = val.to_bytes(2, "big")
        tp += 2
    if colonp is not None:
        if tp == 16:
            return None
        moved = tp - colonp
        tmp[16 - moved:16] = tmp[colonp:tp]
        tmp[colonp:16 - moved] = bytes(16 - moved - colonp)
        tp = 16
    if tp != 16:
        return None
    return bytes(tmp)


def inet_pton(family: int, address: str) -> bytes | None:
    """Parse ``address`` as ``uv_ip4_addr`` (``family=4``) or ``uv_ip6_addr`` (``6``) do.

    Returns the 4 or 16 packed bytes, or ``None`` if libuv would refuse it.
    The text is a C string (cut at the first NUL); for IPv6 a ``%zone`` suffix
    is dropped after cutting the address part to 39 characters.
    """
    text = address.split("\0", 1)[0]
    if family == 4:
        return _pton4(text)
    if "%" in text:
        text = text[:text.index("%")][:39]
    return _pton6(text)


def inet_ntop(packed: bytes) -> str:
    """Format 4 or 16 packed bytes as ``inet_ntop`` (glibc/libuv) does.

    IPv6: the first longest run (of two or more) of zero groups becomes
    ``::``; ``::a.b.c.d`` and ``::ffff:a.b.c.d`` keep the dotted tail.
    """
    if len(packed) == 4:
        return ".".join(str(b) for b in packed)
    words = [int.from_bytes(packed[i:i + 2], "big") for i in range(0, 16, 2)]
    best_base, best_len = -1, 0
    cur_base, cur_len = -1, 0
    for i, word in enumerate(words):
        if word == 0:
            if cur_base == -1:
                cur_base, cur_len = i, 1
            else:
                cur_len += 1
        elif cur_base != -1:
            if best_base == -1 or cur_len > best_len:
                best_base, best_len = cur_base, cur_len
            cur_base = -1
    if cur_base != -1 and (best_base == -1 or cur_len > best_len):
        best_base, best_len = cur_base, cur_len
    if best_base != -1 and best_len < 2:
        best_base = -1
    out: list[str] = []
    for i, word in enumerate(words):
        if best_base != -1 and best_base <= i < best_base + best_len:
            if i == best_base:
                out.append(":")
            continue
        if i != 0:
            out.append(":")
        if i == 6 and best_base == 0 and (
                best_len == 6 or (best_len == 5 and words[5] == 0xFFFF)):
            out.append(".".join(str(b) for b in packed[12:]))
            break
        out.append(f"{word:x}")
    if best_base != -1 and best_base + best_len == 8:
        out.append(":")
    return "".join(out)

