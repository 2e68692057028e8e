"""Port of test/parallel/test-fs-read-stream-concurrent-reads.js (Node v20).

Many read streams of one file at once (started from each other's 'data') do
not mix their contents, and their chunks hold no more memory than they carry.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pynet import fs, run

N = 1000


def test_concurrent_reads(checker: Any, tmp_path: Path) -> None:
    filename = tmp_path / "loop.js"  # Some small non-homogeneous file.
    filename.write_bytes(b"".join(b"line %d of a small file\n" % i for i in range(40)))
    content = filename.read_bytes()
    state = {"started": 0, "done": 0, "retained": 0}

    def start_read() -> None:
        state["started"] += 1
        chunks: list[bytes] = []

        def on_data(chunk: bytes) -> None:
            chunks.append(chunk)
            state["retained"] += len(chunk)
            if state["started"] < N:
                start_read()

        def on_end() -> None:
            assert b"".join(chunks) == content
            state["done"] += 1
            if state["done"] == N:
                assert state["retained"] / (N * len(content)) <= 3
        fs.createReadStream(str(filename)).on("data", on_data).on("end", checker.must_call(on_end))

    # Don't start the reads all at once.
    for _ in range(4):
        start_read()
    run()
    assert state["done"] == N
