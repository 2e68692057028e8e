"""Port of test/parallel/test-fs-write-stream-close-without-callback.js (Node v20).

end(data) then close() without a callback: the data is written and the file closed.
"""

from __future__ import annotations

from pathlib import Path

from pynet import fs, run


def test_close_without_callback(tmp_path: Path) -> None:
    path = tmp_path / "nocallback"
    s = fs.createWriteStream(str(path))
    s.end("hello world")
    s.close()
    run()
    assert path.read_bytes() == b"hello world"
    assert s.closed
