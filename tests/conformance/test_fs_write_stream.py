"""Port of test/parallel/test-fs-write-stream.js (Node v20).

Destroying a WriteStream before it opened never closes an undefined fd; no
'drain' without a write; writing a number throws ERR_INVALID_ARG_TYPE.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pynet import fs, run
from pynet._fs import ops
from tests.conformance.common import assert_node_error


def test_destroy_before_open_closes_a_real_fd(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    stream = fs.WriteStream(str(tmp_path / "write.txt"))
    real_close = ops.close

    def close(loop: Any, fd: Any, done: Any) -> None:
        assert fd, "fs.close must not be called with an undefined fd."
        real_close(loop, fd, done)
    monkeypatch.setattr(ops, "close", close)
    stream.destroy()
    run()


def test_no_drain_without_write(checker: Any, tmp_path: Path) -> None:
    stream = fs.createWriteStream(str(tmp_path / "write.txt"))
    stream.on("drain", checker.must_not_call(
        "'drain' must not be emitted before stream.write() has been called at least once"))
    stream.destroy()
    run()


def test_write_of_a_number_throws(tmp_path: Path) -> None:
    stream = fs.createWriteStream(str(tmp_path / "write.txt"))
    with pytest.raises(TypeError) as info:
        stream.write(42)
    assert_node_error(info.value, "ERR_INVALID_ARG_TYPE", "TypeError")
    stream.destroy()
    run()
