"""Port of test/parallel/test-fs-read-stream-fd.js (Node v20).

A ReadStream made from an open descriptor (path None) reads the whole file.
"""

from __future__ import annotations

import os
from pathlib import Path

from pynet import fs, run


def test_read_from_fd(tmp_path: Path) -> None:
    file = tmp_path / "read_stream_fd_test.txt"
    file.write_text("hello world")
    fd = os.open(file, os.O_RDONLY)
    stream = fs.createReadStream(None, {"fd": fd, "encoding": "utf8"})
    output: list[str] = []
    stream.on("data", output.append)
    run()
    assert "".join(output) == "hello world"
    assert stream.fd is None  # autoClose closed it.
