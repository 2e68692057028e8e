"""Port of test/parallel/test-fs-read-stream-encoding.js (Node v20).

A ReadStream made with an encoding name ('base64') pipes strings that the
Writable, with the same default encoding, gets back as bytes: the first chunk
is the first whole 3-byte group, 'xyz' (the decoder holds the rest back).
"""

from __future__ import annotations

from typing import Any

from pynet import fs, run
from pynet.stream import Writable
from tests.conformance._fs_fixtures import x_txt  # noqa: F401


def test_base64_round_trip(checker: Any, x_txt: str) -> None:  # noqa: F811
    def write(chunk: bytes, enc: str, nxt: Any) -> None:
        assert chunk == b"xyz"  # As in Node, next() is never called.
    sink = Writable(write=checker.must_call(write))
    sink.setDefaultEncoding("base64")
    fs.createReadStream(x_txt, "base64").pipe(sink)
    run()
