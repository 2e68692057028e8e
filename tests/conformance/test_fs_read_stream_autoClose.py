"""Port of test/parallel/test-fs-read-stream-autoClose.js (Node v20).

A WriteStream with autoClose: at 'finish' it is not destroyed yet.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pynet import fs, run


def test_not_destroyed_at_finish(checker: Any, tmp_path: Path) -> None:
    file = fs.createWriteStream(str(tmp_path / "write-autoClose.txt"), {"autoClose": True})
    file.on("finish", checker.must_call(lambda: file.destroyed is False or _fail()))
    file.end("asd")
    run()


def _fail() -> bool:
    raise AssertionError("destroyed at 'finish'")
