"""Port of test/parallel/test-fs-readfile-empty.js (Node v20), the callback forms.

``fs.readFile`` of an empty file gives empty ``bytes`` (which, unlike an
empty JavaScript Buffer, is falsy: the port checks the type and length), or
``''`` with an encoding given as a string or in an options object.  Left
out: the ``readFileSync`` lines (synchronous fs is outside pynet.fs's
subset).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pynet import fs, run


@pytest.fixture
def empty_txt(tmp_path: Path) -> str:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    return str(path)


def test_readfile_empty(checker: Any, empty_txt: str) -> None:
    def as_buffer(err: Any, data: Any) -> None:
        assert isinstance(data, bytes) and len(data) == 0  # Node: assert.ok(data)
    fs.readFile(empty_txt, checker.must_call(as_buffer))

    def as_text(err: Any, data: Any) -> None:
        assert data == ""
    fs.readFile(empty_txt, "utf8", checker.must_call(as_text))
    fs.readFile(empty_txt, {"encoding": "utf8"}, checker.must_call(as_text))
    run()
