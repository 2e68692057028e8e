"""Port of test/parallel/test-fs-readfile-unlink.js (Node v20).

Unlinking a file succeeds at once after ``fs.readFile`` of it completes (it
used to fail on Windows); the 512 KiB of 42s read back whole.
``fs.unlinkSync`` is ``fs.unlink`` here (synchronous fs is outside
pynet.fs's subset).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pynet import fs, run


def test_unlink_after_readfile(checker: Any, tmp_path: Path) -> None:
    file_name = tmp_path / "test.bin"
    buf = bytes([42]) * (512 * 1024)
    file_name.write_bytes(buf)

    def on_read(err: Any, data: Any) -> None:
        assert err is None
        assert len(data) == len(buf)
        assert data[0] == 42

        def unlinked(err: Any) -> None:
            assert err is None  # Unlink should not fail: this is part of the test.
            assert not file_name.exists()
        fs.unlink(str(file_name), checker.must_call(unlinked))
    fs.readFile(str(file_name), checker.must_call(on_read))
    run()
