"""Port of test/parallel/test-fs-readfile-fd.js (Node v20), the callback forms.

``fs.readFile`` of an open descriptor of an empty file gives empty ``bytes``,
or ``''`` with ``'utf8'``; the descriptor stays open for the caller to
close.  ``fs.open``/``fs.close`` are ``os.open``/``os.close`` here (outside
pynet.fs's subset); left out: the ``readFileSync(fd)`` blocks.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pynet import fs, run


def _temp_fd(tmp_path: Path) -> int:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    return os.open(path, os.O_RDONLY)


def test_readfile_fd(checker: Any, tmp_path: Path) -> None:
    fd = _temp_fd(tmp_path)

    def on_data(err: Any, data: Any) -> None:
        assert err is None
        assert isinstance(data, bytes) and len(data) == 0
        os.fstat(fd)  # Still open: readFile leaves a user's descriptor alone.
        os.close(fd)
    fs.readFile(fd, checker.must_call(on_data))
    run()


def test_readfile_fd_utf8(checker: Any, tmp_path: Path) -> None:
    fd = _temp_fd(tmp_path)

    def on_data(err: Any, data: Any) -> None:
        assert data == ""
        os.close(fd)
    fs.readFile(fd, "utf8", checker.must_call(on_data))
    run()
