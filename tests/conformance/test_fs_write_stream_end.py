"""Port of test/parallel/test-fs-write-stream-end.js (Node v20).

end() alone still closes the stream; end(data, encoding) writes it before
'close'; end(data) with the stream's encoding option decodes it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pynet import fs, run


def test_end_without_data(checker: Any, tmp_path: Path) -> None:
    stream = fs.createWriteStream(str(tmp_path / "write-end-test0.txt"))
    stream.end()
    stream.on("close", checker.must_call())
    run()


def test_end_with_data(checker: Any, tmp_path: Path) -> None:
    file = tmp_path / "write-end-test1.txt"
    stream = fs.createWriteStream(str(file))
    stream.end("a\n", "utf8")
    stream.on("close", checker.must_call(lambda: file.read_text() == "a\n" or _fail()))
    run()


def test_end_with_default_encoding(checker: Any, tmp_path: Path) -> None:
    file = tmp_path / "write-end-test2.txt"
    stream = fs.createWriteStream(str(file), {"encoding": "binary"})
    stream.end("ŧ")
    stream.on("finish", checker.must_call(lambda: file.read_bytes() == b"g" or _fail()))
    run()


def _fail() -> bool:
    raise AssertionError("wrong file contents")
