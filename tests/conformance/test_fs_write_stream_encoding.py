"""Port of test/parallel/test-fs-write-stream-encoding.js (Node v20).

base64 strings from a ReadStream piped into a WriteStream with encoding base64
land as the original bytes; read back as 'binary' strings into a Writable with
that default encoding they are the original bytes again.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pynet import fs, run
from pynet.stream import Writable
from tests.conformance._fs_fixtures import x_txt  # noqa: F401


def test_encodings_round_trip(checker: Any, x_txt: str, tmp_path: Path) -> None:  # noqa: F811
    dummy = str(tmp_path / "out")
    example = fs.createReadStream(x_txt, {"encoding": "base64"})
    dummy_stream = fs.createWriteStream(dummy, {"encoding": "base64"})

    def on_finish() -> None:
        def write(chunk: bytes, enc: str, nxt: Any) -> None:
            assert chunk == b"xyz\n"  # As in Node, next() is never called.
        sink = Writable(write=checker.must_call(write))
        sink.setDefaultEncoding("binary")
        fs.createReadStream(dummy, {"encoding": "binary"}).pipe(sink)
    example.pipe(dummy_stream).on("finish", checker.must_call(on_finish))
    run()
