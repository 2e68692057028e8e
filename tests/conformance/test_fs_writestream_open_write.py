"""Port of test/parallel/test-fs-writestream-open-write.js (Node v20).

Writes from 'open' and from the tick after it land in order (nodejs/node#51993).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pynet import fs, nextTick, run


def test_writes_from_open(checker: Any, tmp_path: Path) -> None:
    file = tmp_path / "test-fs-writestream-open-write.txt"
    w = fs.createWriteStream(str(file))

    def on_open() -> None:
        w.write("hello")

        def later() -> None:
            w.write("world")
            w.end()
        nextTick(later)
    w.on("open", checker.must_call(on_open))
    w.on("close", checker.must_call(lambda: file.read_text() == "helloworld" or _fail()))
    run()


def _fail() -> bool:
    raise AssertionError("wrong file contents")
