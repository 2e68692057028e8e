"""pynet._js.encoding against Node 20's Buffer and string_decoder (one node process).

Node computes, for a corpus: ``Buffer.isEncoding``/``StringDecoder(name).encoding``
of many names, ``Buffer.from(text, enc)`` and ``Buffer.byteLength``, and for byte
strings ``buf.toString(enc)`` plus a ``StringDecoder`` fed the bytes split at
every boundary and one byte at a time.  pynet must give the same answers.

Every case must match.  Mismatches are reported grouped by :func:`encode_bug` /
:func:`decode_bug` (the kinds of difference found and fixed so far: lone
surrogates, astral characters in one-byte encodings, odd UTF-16 bytes).
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from pynet._js.encoding import StringDecoder, byte_length, encode, normalize_encoding
from tests.helpers import node_path, run_node

pytestmark = pytest.mark.interop

NAMES = [
    "utf8", "utf-8", "UTF8", "UTF-8", "Utf-8", "uTf8", "latin1", "LATIN1", "binary", "BINARY",
    "binarY", "ascii", "ASCII", "hex", "HEX", "HeX", "base64", "BASE64", "base64url",
    "BASE64URL", "Base64Url", "ucs2", "UCS2", "ucs-2", "UCS-2", "utf16le", "UTF16LE",
    "utf-16le", "UTF-16LE", "Utf-16Le", "utf16", "utf-16", "utf-16be", "utf32", "latin-1",
    "iso-8859-1", "ucs-4", "base-64", "raw", "raws", "buffer", "utf_8", " utf8", "utf8 ",
    "utf8\x00", "us-ascii", "unicode", "b64", "x", "\ufb00",
]

TEXTS = [
    "", "hello", "h\u00e9llo", "\u20ac", "\U0001F600", "\ud800", "\udc00", "a\ud83db", "00ff",
    "00FF", "abc", "a", "zz", "abzz", "0g12", "ab cd", " ab", "1234567", "\uff46\uff46",
    "ab\u0100cd", "aGVsbG8=", "aGVsbG8", "aGVsbA==", "aGVsbA", "aGVs bG8=\n", "aGVs\tbG8", "ab",
    "abcd", "ab=cd", "ab==cd", "=abc", "a-_b", "+/+/", "-_-_", "aGVsbG8=aGVsbG8=", "*aGVs*bG8",
    "YQ", "YQ=", "YQ===", "Y", "\u00e9aGk=", "\u0100", "\uffff", "\x00\x7f\x80\xff", "aGk\u00e9=",
    "a\u0000b", "QUJD\r\nREVG", "ab.cd", "ab\u0141cd", "AQID BA", "8J+YgA", "\u0661\u0662",
    "".join(map(chr, range(0x20, 0x7F))), "".join(map(chr, range(0xA0, 0x100))),
]

ENCODINGS = ["utf8", "utf-8", "latin1", "binary", "ascii", "hex", "base64", "base64url", "ucs2",
             "ucs-2", "utf16le", "utf-16le", "UTF8", "Latin1", "BASE64", "Hex", "UCS2",
             "UTF-16LE", "Binary", "ASCII", "Base64Url"]

#: Buffer.byteLength is exact (not an estimate) for these.
EXACT_LENGTH = {"utf8", "latin1", "ascii", "utf16le"}

BYTES = [
    b"", b"hello", "h\u00e9llo\u20ac\U0001F600".encode(), b"\xff", b"\xc3", b"\xe2\x82",
    b"\xf0\x9f\x98", b"\xed\xa0\x80", b"\xc0\xaf", b"\xf4\x90\x80\x80", b"a\x80b",
    b"\xe2\x28\xa1", b"\xf0\x9f\x98\x80\xf0\x9f", b"\xe2\x82\xe2\x82\xac", b"\xc3\xa9\xff\xc3",
    b"\xf0\x9f\x98a", b"a\x00", b"\x3d\xd8\x00\xde", b"a\x00b", b"\x3d\xd8", b"\x00\xde",
    b"\x3d\xd8a\x00", b"\x00\xde\x3d\xd8\x00\xde", bytes(range(0, 256, 7)),
    b"\x01\x02\x03\x04\x05\x06\x07", bytes(range(256)), "\u4e16\u754c".encode("utf-16-le"),
]
DECODINGS = ["utf8", "utf16le", "base64", "base64url", "latin1", "ascii", "hex"]

JS = r"""
const { StringDecoder } = require('string_decoder');
const { names, texts, encodings, bytes, decodings } = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const out = { names: [], encode: {}, byteLength: {}, decode: {} };
for (const n of names) {
  let sd;
  try { sd = new StringDecoder(n).encoding; } catch (e) { sd = e.code; }
  out.names.push([Buffer.isEncoding(n), sd]);
}
for (const e of encodings) {
  out.encode[e] = texts.map((t) => Buffer.from(t, e).toString('hex'));
  out.byteLength[e] = texts.map((t) => Buffer.byteLength(t, e));
}
for (const e of decodings) {
  out.decode[e] = bytes.map((h) => {
    const b = Buffer.from(h, 'hex');
    const splits = [];
    for (let i = 0; i <= b.length; i++) {
      const d = new StringDecoder(e);
      splits.push(d.write(b.subarray(0, i)) + d.write(b.subarray(i)) + d.end());
    }
    const d = new StringDecoder(e);
    let bytewise = '';
    for (const x of b) bytewise += d.write(Buffer.from([x]));
    bytewise += d.end();
    return { whole: b.toString(e), splits, bytewise };
  });
}
process.stdout.write(JSON.stringify(out));
"""


@pytest.fixture(scope="module")
def node_results() -> dict[str, Any]:
    if node_path() is None:
        pytest.skip("node is not on PATH (CI installs it)")
    payload = {"names": NAMES, "texts": TEXTS, "encodings": ENCODINGS,
               "bytes": [b.hex() for b in BYTES], "decodings": DECODINGS}
    out: dict[str, Any] = json.loads(run_node(JS, stdin=json.dumps(payload)))
    return out


# -- known differences ---------------------------------------------------------------------

ENCODE_BUGS = {
    "utf8_lone_surrogate": "utf8 encodes a lone surrogate as ED xx xx; Node writes EF BF BD",
    "latin1_astral": "latin1/ascii: Node writes the low byte of both UTF-16 code units of an "
                     "astral char (2 bytes); pynet writes one",
    "non_latin1_digits": "hex/base64: Node truncates chars above U+00FF to their low byte "
                         "before decoding; pynet treats them as invalid",
}
DECODE_BUGS = {
    "utf16le_lone_surrogate": "utf16le: lone surrogates become U+FFFD; Node keeps them",
    "utf16le_odd_byte": "utf16le: an odd trailing byte becomes U+FFFD; Node drops it",
}


def encode_bug(text: str, canonical: str) -> str | None:
    if canonical == "utf8" and any(0xD800 <= ord(c) <= 0xDFFF for c in text):
        return "utf8_lone_surrogate"
    if canonical in ("latin1", "ascii") and any(ord(c) > 0xFFFF for c in text):
        return "latin1_astral"
    if canonical in ("hex", "base64", "base64url") and any(ord(c) > 0xFF for c in text):
        return "non_latin1_digits"
    return None


def decode_bug(data: bytes, encoding: str, node_text: str) -> str | None:
    if encoding == "utf16le":
        if any(0xD800 <= ord(c) <= 0xDFFF for c in node_text):
            return "utf16le_lone_surrogate"
        if len(data) % 2:
            return "utf16le_odd_byte"
    return None


# -- comparisons --------------------------------------------------------------------------


def encode_mismatches(node_results: dict[str, Any]) -> list[tuple[Any, ...]]:
    bad: list[tuple[Any, ...]] = []
    for enc in ENCODINGS:
        canonical = normalize_encoding(enc)
        assert canonical is not None, enc
        for text, expected, length in zip(TEXTS, node_results["encode"][enc],
                                          node_results["byteLength"][enc], strict=True):
            got = encode(text, canonical)
            if got.hex() != expected:
                bad.append((encode_bug(text, canonical), enc, text, expected, got.hex()))
            elif canonical in EXACT_LENGTH and byte_length(text, canonical) != length:
                bad.append((encode_bug(text, canonical), enc, text, "byteLength", length,
                            byte_length(text, canonical)))
    return bad


def decode_mismatches(node_results: dict[str, Any]) -> list[tuple[Any, ...]]:
    bad: list[tuple[Any, ...]] = []
    for enc in DECODINGS:
        for data, expected in zip(BYTES, node_results["decode"][enc], strict=True):
            whole = expected["whole"]
            splits = []
            for i in range(len(data) + 1):
                d = StringDecoder(enc)
                splits.append(d.write(data[:i]) + d.write(data[i:]) + d.end())
            d = StringDecoder(enc)
            bytewise = "".join(d.write(data[i:i + 1]) for i in range(len(data))) + d.end()
            for what, got, want in (("whole", splits[0], whole), ("splits", splits, expected["splits"]),
                                    ("bytewise", bytewise, expected["bytewise"])):
                if got != want:
                    bad.append((decode_bug(data, enc, whole), enc, data.hex(), what, want, got))
    return bad


def test_encoding_names(node_results: dict[str, Any]) -> None:
    got = []
    for name in NAMES:
        canonical = normalize_encoding(name)
        got.append([canonical is not None, canonical or "ERR_UNKNOWN_ENCODING"])
    assert got == node_results["names"]


def test_node_string_decoder_splits_agree_with_buffer_to_string(
        node_results: dict[str, Any]) -> None:
    # The premise of the split tests: in Node, any split decodes like the whole buffer.
    for enc in DECODINGS:
        for expected in node_results["decode"][enc]:
            assert set(expected["splits"]) == {expected["whole"]} == {expected["bytewise"]}


def test_encode_matches_buffer_from(node_results: dict[str, Any]) -> None:
    assert encode_mismatches(node_results) == []


def test_string_decoder_matches_node(node_results: dict[str, Any]) -> None:
    assert decode_mismatches(node_results) == []
