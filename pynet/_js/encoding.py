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


def _low_bytes(text: str) -> bytes:
    """The low byte of each UTF-16 code unit of ``text`` (Node's one-byte encodings)."""
    if text.isascii():
        return text.encode("ascii")
    return text.encode("utf-16-le", "surrogatepass")[::2]


def encode(text: str, encoding: str) -> bytes:
    """``Buffer.from(text, encoding)`` for a canonical encoding name."""
    if encoding == "utf8":
        try:
            return text.encode("utf-8")
        except UnicodeEncodeError:
            # Surrogates: pairs join into one character, lone ones become
            # U+FFFD, as V8's UTF-8 encoder does.
            joined = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
            return joined.encode("utf-8")
    if encoding == "latin1" or encoding == "ascii":
        return _low_bytes(text)
    if encoding == "hex":
        digits = _HEX_PREFIX.match(_low_bytes(text).decode("latin-1"))
        usable = digits.group(0) if digits else ""
        return bytes.fromhex(usable[: len(usable) // 2 * 2])
    if encoding in ("base64", "base64url"):
        ascii_text = _low_bytes(text).decode("latin-1")
        cleaned = re.sub(r"[^A-Za-z0-9+/\-_]", "", ascii_text.split("=", 1)[0])
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
            self._decode = self._utf16le
        elif encoding == "latin1":
            self._decode = codecs.getincrementaldecoder("latin-1")().decode
        elif encoding == "ascii":
            self._decode = self._ascii
        elif encoding == "hex":
            self._decode = self._hex
        else:
            self._decode = self._base64

    def write(self, data: bytes | bytearray | memoryview) -> str:
        # Discussion: Node's decoder takes any Buffer or TypedArray; pynet's streams pass
        # bytearray and memoryview chunks through as given (a Uint8Array), so they are
        # copied to bytes here, once, for the decoders below (and for the compiled build,
        # which enforces the annotation).
        if type(data) is not bytes:
            data = bytes(data)
        return self._decode(data)

    def end(self) -> str:
        if self.encoding == "utf16le":
            rest, self._pending = self._pending, b""
            # A held-back high surrogate is kept; an odd last byte is dropped.
            return rest[: len(rest) // 2 * 2].decode("utf-16-le", "surrogatepass")
        if self.encoding in ("utf8", "latin1"):
            return self._decode(b"", True)
        if self.encoding in ("base64", "base64url") and self._pending:
            rest, self._pending = self._pending, b""
            return self._b64(rest)
        return ""

    def _utf16le(self, data: bytes, final: bool = False) -> str:
        """Node's utf16le decoder: lone surrogates are kept, a pair split across
        chunks is held back until both halves are here."""
        data = self._pending + data
        cut = len(data) // 2 * 2
        if cut >= 2 and 0xD8 <= data[cut - 1] <= 0xDB:
            cut -= 2  # A high surrogate: wait for its low half.
        self._pending = data[cut:]
        return data[:cut].decode("utf-16-le", "surrogatepass")

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
