"""Port of test/parallel/test-fs-writefile-with-fd.js (Node v20), the callback forms.

``fs.writeFile`` of an open descriptor writes at the descriptor's position
instead of truncating ('Hello' then 'World' gives 'HelloWorld'); on a
read-only descriptor it fails with EBADF; with an aborted signal it fails
with an AbortError.  ``fs.open``/``fs.write``/``fs.readFileSync`` are
``os.open``/``os.write``/reading the file in Python here (outside pynet.fs's
subset), the descriptors closed at the end as Node's ``'beforeExit'`` does;
left out: the ``writeFileSync(fd)`` block.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from pynet import fs, run
from pynet.abort import AbortController


def test_writefile_continues_at_the_position(checker: Any, tmp_path: Path) -> None:
    file = tmp_path / "test1.txt"
    fd = os.open(file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
    try:
        # Write only five characters, so that the position moves to five.
        assert os.write(fd, b"Hello") == 5
        assert file.read_bytes() == b"Hello"

        def written(err: Any) -> None:
            assert err is None
            # New content is written at position five, instead of zero.
            assert file.read_bytes() == b"HelloWorld"
        fs.writeFile(fd, "World", checker.must_call(written))
        run()
    finally:
        os.close(fd)


def test_read_only_descriptor(checker: Any, tmp_path: Path) -> None:
    file = tmp_path / "test.txt"
    file.write_bytes(b"")
    fd = os.open(file, os.O_RDONLY)
    try:
        def failed(err: Any) -> None:
            assert re.search("EBADF", str(err)), err
            assert err.code == "EBADF"
        fs.writeFile(fd, "World", checker.must_call(failed))
        run()
    finally:
        os.close(fd)


def test_aborted_signal(checker: Any, tmp_path: Path) -> None:
    controller = AbortController()
    file = tmp_path / "test.txt"
    fd = os.open(file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
    try:
        controller.abort()  # Node aborts before fs.open's callback runs.

        def failed(err: Any) -> None:
            assert err.name == "AbortError"
        fs.writeFile(fd, "World", {"signal": controller.signal}, checker.must_call(failed))
        run()
        assert file.read_bytes() == b""
    finally:
        os.close(fd)
