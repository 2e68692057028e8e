"""Node's test/fixtures files the fs ports read, made under pytest's tmp_path.

``x.txt`` is ``'xyz\\n'``; ``elipses.txt`` is 10000 times U+2026 (30000 bytes of
UTF-8), as in Node's fixtures directory.
"""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def x_txt(tmp_path: Path) -> str:
    path = tmp_path / "x.txt"
    path.write_bytes(b"xyz\n")
    return str(path)


@pytest.fixture
def elipses(tmp_path: Path) -> str:
    path = tmp_path / "elipses.txt"
    path.write_bytes("\u2026".encode() * 10000)
    return str(path)
