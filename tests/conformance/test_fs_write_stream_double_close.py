"""Port of test/parallel/test-fs-write-stream-double-close.js (Node v20).

close(cb) twice calls both; close(cb) after 'close' calls cb on the next tick
without another 'close'; with autoClose false both callbacks still run.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pynet import fs, nextTick, run


def test_close_twice(checker: Any, tmp_path: Path) -> None:
    s = fs.createWriteStream(str(tmp_path / "rw"))
    s.close(checker.must_call())
    s.close(checker.must_call())
    run()


def test_close_after_close(checker: Any, tmp_path: Path) -> None:
    s = fs.createWriteStream(str(tmp_path / "rw2"))
    emits = [0]
    s.on("close", lambda: emits.__setitem__(0, emits[0] + 1))

    def first() -> None:
        assert emits[0] == 1
        s.close(checker.must_call(lambda: emits[0] == 1 or _fail()))
        nextTick(lambda: s.close(checker.must_call(lambda: emits[0] == 1 or _fail())))
    s.close(checker.must_call(first))
    run()


def test_close_twice_without_auto_close(checker: Any, tmp_path: Path) -> None:
    s = fs.createWriteStream(str(tmp_path / "rw"), {"autoClose": False})
    s.close(checker.must_call())
    s.close(checker.must_call())
    run()


def _fail() -> bool:
    raise AssertionError("'close' emitted twice")
