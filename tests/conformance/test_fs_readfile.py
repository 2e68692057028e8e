"""Port of test/parallel/test-fs-readfile.js (Node v20).

``fs.readFile`` returns the exact contents of files of 1 KiB, 64 KiB, 64 KiB
less one, 1 MiB and 1 MiB plus one (a random byte per 512-byte sector, so a
re-read section would show); with a signal aborted before the call, or on
the next tick while reading, the callback gets an ``AbortError``.
"""

from __future__ import annotations

import os
import random
from pathlib import Path
from typing import Any

from pynet import fs, nextTick, run
from pynet.abort import AbortController

SIZES = [("1K", 1024), ("64K", 64 * 1024), ("64KLessOne", 64 * 1024 - 1),
         ("1M", 1024 * 1024), ("1MPlusOne", 1024 * 1024 + 1)]
SECTOR = 512


def _populate(tmp_path: Path) -> list[tuple[str, bytes]]:
    files = []
    for label, size in SIZES:
        contents = bytearray()
        for offset in range(0, size, SECTOR):
            contents += bytes([random.randrange(256)]) * min(SECTOR, size - offset)
        name = str(tmp_path / f".removeme-fs-readfile-{os.getpid()}-{label}.txt")
        Path(name).write_bytes(contents)
        files.append((name, bytes(contents)))
    return files


def test_read_each_size(checker: Any, tmp_path: Path) -> None:
    for name, contents in _populate(tmp_path):
        def check(err: Any, buf: Any, contents: bytes = contents) -> None:
            assert err is None
            assert buf == contents
        fs.readFile(name, checker.must_call(check))
    run()


def test_cancellation_before(checker: Any, tmp_path: Path) -> None:
    name = _populate(tmp_path)[0][0]
    controller = AbortController()
    controller.abort()
    fs.readFile(name, {"signal": controller.signal},
                checker.must_call(lambda err, buf=None: _check_abort(err)))
    run()


def test_cancellation_during_read(checker: Any, tmp_path: Path) -> None:
    name = _populate(tmp_path)[0][0]
    controller = AbortController()
    fs.readFile(name, {"signal": controller.signal},
                checker.must_call(lambda err, buf=None: _check_abort(err)))
    nextTick(controller.abort)
    run()


def _check_abort(err: Any) -> None:
    assert getattr(err, "name", None) == "AbortError", repr(err)
