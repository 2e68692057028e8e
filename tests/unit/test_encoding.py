"""pynet._js.encoding: Node's encoding names, Buffer.from(str, enc), StringDecoder.

Expected bytes are what Node 20 prints for ``Buffer.from(text, enc).toString('hex')``
(tests/interop/test_encoding_node.py checks a larger corpus against a live node).
"""

from __future__ import annotations

import base64
import binascii

import pytest

from pynet._js.encoding import StringDecoder, byte_length, encode, normalize_encoding

# -- names ----------------------------------------------------------------------------------

CANONICAL = {
    "utf8": "utf8", "utf-8": "utf8",
    "latin1": "latin1", "binary": "latin1",
    "ascii": "ascii",
    "hex": "hex",
    "base64": "base64",
    "base64url": "base64url",
    "ucs2": "utf16le", "ucs-2": "utf16le", "utf16le": "utf16le", "utf-16le": "utf16le",
}


def _casings(name: str) -> list[str]:
    return sorted({name, name.upper(), name.title(), name.capitalize(),
                   "".join(c.upper() if i % 2 else c for i, c in enumerate(name))})


@pytest.mark.parametrize("name, canonical", [
    (variant, canonical) for name, canonical in CANONICAL.items() for variant in _casings(name)])
def test_every_node_encoding_name_and_alias(name: str, canonical: str) -> None:
    assert normalize_encoding(name) == canonical


@pytest.mark.parametrize("name", [
    "utf16", "utf-16", "utf-16be", "utf32", "latin-1", "iso-8859-1", "ucs-4", "base-64", "raw",
    "raws", "buffer", "utf_8", " utf8", "utf8 ", "utf8\x00", "us-ascii", "unicode", "b64", "x",
])
def test_unknown_names(name: str) -> None:
    assert normalize_encoding(name) is None


def test_default_and_non_string_names() -> None:
    assert normalize_encoding(None) == "utf8"
    assert normalize_encoding("") == "utf8"
    for bad in (8, b"utf8", ["utf8"], True):
        assert normalize_encoding(bad) is None


# -- encode() vs Buffer.from ------------------------------------------------------------------

# (text, canonical encoding, Node 20's bytes as hex)
NODE_BUFFER_FROM = [
    ("", "utf8", ""),
    ("h\xe9llo \u20ac\U0001f600", "utf8", "68c3a96c6c6f20e282acf09f9880"),
    ("h\xe9llo", "latin1", "68e96c6c6f"),
    ("\u20ac\u0100\uffff", "latin1", "ac00ff"),  # the low byte of each char
    ("\xe9\u20ac", "ascii", "e9ac"),  # 'ascii' encodes as latin1 does
    ("00ff", "hex", "00ff"),
    ("00FFaB", "hex", "00ffab"),
    ("abc", "hex", "ab"),  # odd length: the last digit is dropped
    ("a", "hex", ""),
    ("zz", "hex", ""),
    ("abzz12", "hex", "ab"),  # stops at the first invalid pair
    ("0g12", "hex", ""),
    ("ab cd", "hex", "ab"),
    ("", "hex", ""),
    ("aGVsbG8=", "base64", "68656c6c6f"),
    ("aGVsbG8", "base64", "68656c6c6f"),  # padding optional
    ("aGVsbA==", "base64", "68656c6c"),
    ("aGVsbA", "base64", "68656c6c"),
    ("aGVs bG8=\n", "base64", "68656c6c6f"),  # whitespace ignored
    ("aGVs\tbG8\r\n", "base64", "68656c6c6f"),
    ("a", "base64", ""),
    ("ab", "base64", "69"),
    ("abc", "base64", "69b7"),
    ("ab=cd", "base64", "69"),  # '=' ends the data
    ("=abc", "base64", ""),
    ("a-_b", "base64", "6befdb"),  # the url alphabet is accepted too
    ("+/+/", "base64", "fbffbf"),
    ("*aGVs*bG8", "base64", "68656c6c6f"),  # other invalid characters are skipped
    ("YQ===", "base64", "61"),
    ("\xe9aGk=", "base64", "6869"),
    ("8J+YgA", "base64", "f09f9880"),
    ("-_-_", "base64url", "fbffbf"),
    ("+/+/", "base64url", "fbffbf"),
    ("aGVsbG8=", "base64url", "68656c6c6f"),
    ("aGVsbG8", "base64url", "68656c6c6f"),
    ("abc", "utf16le", "610062006300"),
    ("\u20ac\U0001f600", "utf16le", "ac203dd800de"),  # astral: a surrogate pair
    ("\ud800x", "utf16le", "00d87800"),  # a lone surrogate is written as is
]


@pytest.mark.parametrize("text, encoding, expected", NODE_BUFFER_FROM)
def test_encode_matches_node(text: str, encoding: str, expected: str) -> None:
    assert encode(text, encoding).hex() == expected


@pytest.mark.parametrize("text, expected", [("\ud800", "efbfbd"), ("a\udc00b", "61efbfbd62")])
def test_encode_utf8_lone_surrogate(text: str, expected: str) -> None:
    assert encode(text, "utf8").hex() == expected


@pytest.mark.parametrize("encoding", ["latin1", "ascii"])
def test_encode_latin1_astral_char(encoding: str) -> None:
    assert encode("\U0001f600", encoding).hex() == "3d00"


@pytest.mark.parametrize("text, encoding, expected", [
    ("\uff46\uff46", "hex", "ff"), ("ab\u0141cd", "base64", "69b01c")])
def test_encode_non_latin1_digits(text: str, encoding: str, expected: str) -> None:
    assert encode(text, encoding).hex() == expected


@pytest.mark.parametrize("encoding", sorted(set(CANONICAL.values())))
def test_byte_length_is_the_encoded_length(encoding: str) -> None:
    for text in ["", "abc", "h\xe9llo \u20ac", "00ff", "aGVsbG8=", "8J+YgA"]:
        assert byte_length(text, encoding) == len(encode(text, encoding))


def test_encode_round_trips_valid_input() -> None:
    data = bytes(range(256)) * 3
    assert encode(data.hex(), "hex") == data
    assert encode(data.hex().upper(), "hex") == data
    assert encode(base64.b64encode(data).decode(), "base64") == data
    assert encode(base64.urlsafe_b64encode(data).decode().rstrip("="), "base64url") == data
    assert encode(data.decode("latin1"), "latin1") == data
    text = "".join(map(chr, range(0x20, 0xD7FF, 97))) + "\U0001f600\U00010000"
    assert encode(text, "utf8") == text.encode("utf-8")
    assert encode(text, "utf16le") == text.encode("utf-16-le")


# -- StringDecoder ---------------------------------------------------------------------------


def decode_split(encoding: str, data: bytes, *cuts: int) -> str:
    d = StringDecoder(encoding)
    out = []
    start = 0
    for cut in (*cuts, len(data)):
        out.append(d.write(data[start:cut]))
        start = cut
    return "".join(out) + d.end()


def decode_bytewise(encoding: str, data: bytes) -> list[str]:
    d = StringDecoder(encoding)
    return [d.write(data[i:i + 1]) for i in range(len(data))] + [d.end()]


UTF8_TEXT = "h\xe9llo \u20ac \U0001f600 \u4e16\u754c \U00010348!"
UTF8_INVALID = [b"\xff", b"\xc3", b"\xe2\x82", b"\xf0\x9f\x98", b"\xed\xa0\x80", b"\xc0\xaf",
                b"\xf4\x90\x80\x80", b"a\x80b", b"\xe2\x28\xa1", b"\xf0\x9f\x98\x80\xf0\x9f",
                b"\xe2\x82\xe2\x82\xac", b"\xc3\xa9\xff\xc3", b"\xf0\x9f\x98a"]


@pytest.mark.parametrize("encoding, data", [
    ("utf8", UTF8_TEXT.encode()),
    ("utf16le", UTF8_TEXT.encode("utf-16-le")),
    ("base64", bytes(range(0, 256, 3))),
    ("base64url", bytes(range(255, 0, -5))),
    ("latin1", bytes(range(256))),
    ("ascii", bytes(range(256))),
    ("hex", bytes(range(0, 256, 11))),
    *[("utf8", bad) for bad in UTF8_INVALID],
])
def test_decoder_split_at_every_byte_equals_whole(encoding: str, data: bytes) -> None:
    whole = decode_split(encoding, data)
    for i in range(len(data) + 1):
        assert decode_split(encoding, data, i) == whole, i
    for i in range(len(data) + 1):
        for j in range(i, min(len(data), i + 5) + 1):
            assert decode_split(encoding, data, i, j) == whole, (i, j)
    assert "".join(decode_bytewise(encoding, data)) == whole


def test_utf8_decoder_whole_values() -> None:
    assert decode_split("utf8", UTF8_TEXT.encode()) == UTF8_TEXT
    # Node (and WHATWG): one U+FFFD per maximal invalid subpart.
    expected = {b"\xff": "\ufffd", b"\xc3": "\ufffd", b"\xe2\x82": "\ufffd",
                b"\xf0\x9f\x98": "\ufffd", b"\xed\xa0\x80": "\ufffd" * 3,
                b"\xc0\xaf": "\ufffd" * 2, b"\xf4\x90\x80\x80": "\ufffd" * 4,
                b"a\x80b": "a\ufffdb", b"\xe2\x28\xa1": "\ufffd(\ufffd",
                b"\xf0\x9f\x98\x80\xf0\x9f": "\U0001f600\ufffd",
                b"\xe2\x82\xe2\x82\xac": "\ufffd\u20ac", b"\xc3\xa9\xff\xc3": "\xe9\ufffd\ufffd",
                b"\xf0\x9f\x98a": "\ufffda"}
    for data, text in expected.items():
        assert decode_split("utf8", data) == text, data


def test_utf8_decoder_never_returns_a_partial_character() -> None:
    pieces = decode_bytewise("utf8", "\u20ac\U0001f600".encode())
    assert pieces == ["", "", "\u20ac", "", "", "", "\U0001f600", ""]


def test_utf16le_decoder_holds_odd_bytes_and_split_pairs() -> None:
    pieces = decode_bytewise("utf16le", "a\U0001f600".encode("utf-16-le"))
    assert "".join(pieces) == "a\U0001f600"
    assert all(p in ("", "a", "\U0001f600") for p in pieces)


def test_base64_decoder_quanta() -> None:
    d = StringDecoder("base64")
    assert d.write(b"\x01") == ""
    assert d.write(b"\x02\x03\x04") == "AQID"
    assert d.write(b"\x05") == ""
    assert d.end() == "BAU="
    assert d.end() == ""
    u = StringDecoder("base64url")
    assert u.write(b"\xfb\xff") == "" and u.end() == "-_8"
    for n in range(10):
        data = bytes(range(250, 250 - n, -1))
        assert decode_split("base64", data) == base64.b64encode(data).decode()
        assert decode_split("base64url", data) == \
            base64.urlsafe_b64encode(data).decode().rstrip("=")


def test_hex_latin1_ascii_decoders() -> None:
    data = bytes(range(256))
    assert decode_split("hex", data) == binascii.hexlify(data).decode()
    assert decode_split("latin1", data) == data.decode("latin1")
    assert decode_split("ascii", data) == bytes(b & 0x7F for b in data).decode("ascii")


def test_utf16le_decoder_drops_an_odd_trailing_byte() -> None:
    assert decode_split("utf16le", b"a\x00b") == "a"


@pytest.mark.parametrize("data, text", [(b"\x00\xde", "\ude00"), (b"\x3d\xd8", "\ud83d"),
                                        (b"\x3d\xd8a\x00", "\ud83da")])
def test_utf16le_decoder_keeps_lone_surrogates(data: bytes, text: str) -> None:
    assert decode_split("utf16le", data) == text
