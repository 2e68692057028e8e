"""Port of test/parallel/test-stream-readable-default-encoding.js (Node v20).

Readable's defaultEncoding decodes pushed strings ('ab' as hex is one byte);
an explicit encoding wins; an unknown one raises ERR_UNKNOWN_ENCODING.
"""

from __future__ import annotations

from typing import Any

import pytest

from pynet import run
from pynet.stream import Readable


def test_unknown_encoding() -> None:
    with pytest.raises(TypeError) as info:
        Readable(read=lambda: None, defaultEncoding="my invalid encoding")
    assert getattr(info.value, "code", None) == "ERR_UNKNOWN_ENCODING"


def test_default_encoding_hex(checker: Any) -> None:
    r = Readable(read=lambda: None, defaultEncoding="hex")
    r.push("ab")

    def on_data(chunk: Any) -> None:
        assert bytes(chunk) == b"\xab"
    r.on("data", checker.must_call(on_data, 1))
    run()


def test_explicit_encoding_wins(checker: Any) -> None:
    r = Readable(read=lambda: None, defaultEncoding="hex")
    r.push("xy", "utf-8")

    def on_data(chunk: Any) -> None:
        assert bytes(chunk) == b"xy"
    r.on("data", checker.must_call(on_data, 1))
    run()
