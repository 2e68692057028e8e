"""Node's Buffer encodings: names, ``str`` → ``bytes``, and a ``StringDecoder``.

Node names (``'utf8'``, ``'utf-8'``, ``'latin1'``, ``'binary'``, ``'ascii'``,
``'hex'``, ``'base64'``, ``'base64url'``, ``'ucs2'``, ``'ucs-2'``,
``'utf16le'``, ``'utf-16le'``), case-insensitive, normalise to one canonical
name (Node's ``normalizeEncoding``).  :class:`StringDecoder` mirrors Node's
``string_decoder``: it never splits a multi-byte character (or a base64
quantum) across two chunks.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import re
from collections.abc import Callable

__all__ = ["StringDecoder", "byte_length", "encode", "normalize_encoding"]

_ALIASES = {
    "utf8": "utf8", "utf-8": "utf8",
    "latin1": "latin1", "binary": "latin1",
    "ascii": "ascii",
    "hex": "hex",
    "base64": "base64", "base64url": "base64url",
    "ucs2": "utf16le", "ucs-2": "utf16le", "utf16le": "utf16le", "utf-16le": "utf16le",
}
_HEX_PREFIX = re.compile(r"[0-9a-fA-F]*")


def normalize_encoding(name: object) -> str | None:
    """Node's canonical name for ``name``, or ``None`` if Node does not know it."""
    if name is None or name == "":
        return "utf8"
    if not isinstance(name, str):
        return None
    return _ALIASES.get(name.lower())


def encode(text: str, encoding: str) -> bytes:
    """``Buffer.from(text, encoding)`` for a canonical encoding name."""
    if encoding == "utf8":
        return text.encode("utf-8", "surrogatepass")
    if encoding == "latin1" or encoding == "ascii":
        # Node keeps the low byte of each UTF-16 code unit.
        return bytes(ord(c) & 0xFF for c in text) if not text.isascii() else text.encode("ascii")
    if encoding == "hex":
        digits = _HEX_PREFIX.match(text)
        usable = digits.group(0) if digits else ""
        return bytes.fromhex(usable[: len(usable) // 2 * 2])
    if encoding in ("base64", "base64url"):
        cleaned = re.sub(r"[^A-Za-z0-9+/\-_]", "", text.split("=", 1)[0])
        cleaned = cleaned.replace("-", "+").replace("_", "/")
        cleaned = cleaned[: len(cleaned) - (len(cleaned) % 4 == 1)]
        return base64.b64decode(cleaned + "=" * (-len(cleaned) % 4))
    if encoding == "utf16le":
        return text.encode("utf-16-le", "surrogatepass")
    raise ValueError(encoding)  # pragma: no cover - callers normalise first


def byte_length(text: str, encoding: str) -> int:
    return len(text.encode("utf-8", "surrogatepass")) if encoding == "utf8" else len(
        encode(text, encoding))


class StringDecoder:
    """Decode a stream of ``bytes`` chunks to ``str`` without splitting characters."""

    __slots__ = ("_decode", "_pending", "encoding")

    def __init__(self, encoding: str) -> None:
        self.encoding = encoding
        self._pending = b""
        self._decode: Callable[..., str]
        if encoding == "utf8":
            self._decode = codecs.getincrementaldecoder("utf-8")("replace").decode
        elif encoding == "utf16le":
            self._decode = codecs.getincrementaldecoder("utf-16-le")("replace").decode
        elif encoding == "latin1":
            self._decode = codecs.getincrementaldecoder("latin-1")().decode
        elif encoding == "ascii":
            self._decode = self._ascii
        elif encoding == "hex":
            self._decode = self._hex
        else:
            self._decode = self._base64

    def write(self, data: bytes) -> str:
        return self._decode(data)

    def end(self) -> str:
        if self.encoding in ("utf8", "utf16le", "latin1"):
            return self._decode(b"", True)
        if self.encoding in ("base64", "base64url") and self._pending:
            rest, self._pending = self._pending, b""
            return self._b64(rest)
        return ""

    @staticmethod
    def _ascii(data: bytes, final: bool = False) -> str:
        return bytes(b & 0x7F for b in data).decode("ascii")

    @staticmethod
    def _hex(data: bytes, final: bool = False) -> str:
        return binascii.hexlify(data).decode("ascii")

    def _b64(self, data: bytes) -> str:
        out = base64.b64encode(data).decode("ascii")
        if self.encoding == "base64url":
            out = out.replace("+", "-").replace("/", "_").rstrip("=")
        return out

    def _base64(self, data: bytes, final: bool = False) -> str:
        data = self._pending + data
        cut = len(data) - len(data) % 3
        self._pending = data[cut:]
        return self._b64(data[:cut])
