"""Port of test/parallel/test-fs-readfile-flags.js (Node v20).

``fs.readFile`` with ``flag``: ``'a+'`` reads an existing empty file and
creates a missing one (``''`` back); ``'ax+'`` fails with EEXIST on an
existing file; the default ``'r'`` fails with ENOENT on a missing one.  The
options objects are not mutated (``common.mustNotMutateObjectDeep``).
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from pynet import fs, run


def _read(checker: Any, path: Path, options: dict[str, Any], check: Any) -> None:
    before = copy.deepcopy(options)
    fs.readFile(str(path), options, checker.must_call(check))
    assert options == before


def test_existing_empty_file(checker: Any, tmp_path: Path) -> None:
    empty_file = tmp_path / "empty.txt"
    empty_file.write_bytes(b"")  # Node: fs.closeSync(fs.openSync(emptyFile, 'w'))

    def is_empty(err: Any, data: Any) -> None:
        assert data == ""
    # With `a+` the file is created if it does not exist.
    _read(checker, empty_file, {"encoding": "utf8", "flag": "a+"}, is_empty)

    def exists(err: Any, data: Any = None) -> None:
        assert err.code == "EEXIST"
    # Like `a+` but fails if the path exists.
    _read(checker, empty_file, {"encoding": "utf8", "flag": "ax+"}, exists)
    run()


def test_a_plus_creates(checker: Any, tmp_path: Path) -> None:
    will_be_created = tmp_path / "will-be-created"

    def is_empty(err: Any, data: Any) -> None:
        assert data == ""
        assert will_be_created.exists()
    _read(checker, will_be_created, {"encoding": "utf8", "flag": "a+"}, is_empty)
    run()


def test_default_flag_does_not_create(checker: Any, tmp_path: Path) -> None:
    will_not_be_created = tmp_path / "will-not-be-created"

    def missing(err: Any, data: Any = None) -> None:
        assert err.code == "ENOENT"
        assert not will_not_be_created.exists()
    # Default flag is `r`. An exception occurs if the file does not exist.
    _read(checker, will_not_be_created, {"encoding": "utf8"}, missing)
    run()
