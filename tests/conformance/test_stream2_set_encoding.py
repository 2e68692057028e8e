"""Port of test/parallel/test-stream2-set-encoding.js (Node v20).

setEncoding() and the ``encoding`` option, utf8, hex and base64, read in
fixed sizes from an asynchronous source that ends with a double push(None):
chunks are whole characters of the encoding, and setEncoding is chainable.
"""

from __future__ import annotations

from typing import Any

import pytest

from pynet import run, setTimeout
from pynet.stream import Readable


class SlowReader(Readable):
    """Node's TestReader (renamed: pytest collects Test* classes)."""

    def __init__(self, n: int = 100, **opts: Any) -> None:
        super().__init__(**opts)
        self.pos = 0
        self.len = n

    def _read(self, n: int) -> None:
        def later() -> None:
            nonlocal n
            if self.pos >= self.len:
                # A double push(None) tests the EOF handling.
                self.push(None)
                self.push(None)
                return
            n = min(n, self.len - self.pos)
            if n <= 0:
                self.push(None)
                self.push(None)
                return
            self.pos += n
            self.push(b"a" * n)
        setTimeout(later, 1)


UTF8 = ["a" * 10] * 10
HEX = ["6161616161"] * 20
HEX13 = ["6161616161616", "1616161616161"] * 7 + ["6161616161616", "16161"]
BASE64 = ["YWFhYWFhYW", "FhYWFhYWFh"] * 6 + ["YWFhYWFhYW", "FhYQ=="]

CASES = [("utf8", 10, UTF8), ("hex", 10, HEX), ("hex", 13, HEX13), ("base64", 10, BASE64)]


def check(checker: Any, tr: Readable, size: int, expect: list[str]) -> None:
    out: list[str] = []

    def flow() -> None:
        while (chunk := tr.read(size)) is not None:
            out.append(chunk)
    tr.on("readable", flow)
    tr.on("end", checker.must_call(lambda: _eq(out, expect)))
    run()


@pytest.mark.parametrize(("encoding", "size", "expect"), CASES)
def test_set_encoding(checker: Any, encoding: str, size: int, expect: list[str]) -> None:
    tr = SlowReader(100)
    tr.setEncoding(encoding)
    check(checker, tr, size, expect)


@pytest.mark.parametrize(("encoding", "size", "expect"), CASES)
def test_encoding_option(checker: Any, encoding: str, size: int, expect: list[str]) -> None:
    check(checker, SlowReader(100, encoding=encoding), size, expect)


def test_chainable() -> None:
    tr = SlowReader(100)
    assert tr.setEncoding("utf8") is tr


def _eq(a: Any, b: Any) -> None:
    assert a == b, (a, b)
