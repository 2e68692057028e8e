"""Port of test/parallel/test-fs-write-stream-change-open.js (Node v20).

Replacing the open function after the stream was made (AOP-style) is used:
the stream opens late, in its construct step; close gets a real fd.

Node swaps ``fs.open``/``fs.close``; the port swaps pynet's open and close
requests the same way.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pynet import fs, run
from pynet._fs import ops


def test_open_replaced_after_creation(checker: Any, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    stream = fs.WriteStream(str(tmp_path / "write.txt"))
    real_open, real_close = ops.open_file, ops.close

    def open_file(*args: Any) -> None:
        real_open(*args)

    def close(loop: Any, fd: Any, done: Any) -> None:
        assert fd, "fs.close must not be called with an undefined fd."
        monkeypatch.setattr(ops, "close", real_close)
        monkeypatch.setattr(ops, "open_file", real_open)
        real_close(loop, fd, done)
    monkeypatch.setattr(ops, "open_file", checker.must_call(open_file))
    monkeypatch.setattr(ops, "close", checker.must_call(close))
    stream.write("foo")
    stream.end()
    run()
    assert ops.open_file is real_open
