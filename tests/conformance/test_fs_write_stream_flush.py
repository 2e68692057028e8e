"""Port of test/parallel/test-fs-write-stream-flush.js (Node v20).

The flush option must be a boolean; flush: true fsyncs the descriptor once
before it is closed; None/False do not.  (The FileHandle block is not ported:
pynet.fs has no FileHandle.)

Node spies on ``fs.fsync``; the port counts ``os.fsync`` calls, which the
worker threads make.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from pynet import fs, run
from tests.conformance.common import assert_node_error


@pytest.mark.parametrize("flush", ["true", "", 0, 1, [], {}, object()])
def test_validation(tmp_path: Path, flush: Any) -> None:
    with pytest.raises(TypeError) as info:
        fs.createWriteStream(str(tmp_path / "0.out"), {"flush": flush})
    assert_node_error(info.value, "ERR_INVALID_ARG_TYPE", "TypeError")


def _spy(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = os.fsync

    def fsync(fd: int) -> None:
        calls.append(fd)
        real(fd)
    monkeypatch.setattr(os, "fsync", fsync)
    return calls


def test_performs_flush(checker: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _spy(monkeypatch)
    file = tmp_path / "1.out"
    stream = fs.createWriteStream(str(file), {"flush": True})

    def closed(err: Any = None) -> None:
        assert err is None
        assert len(calls) == 1
        assert isinstance(calls[0], int)
        assert file.read_text() == "foo"

    def written(err: Any = None) -> None:
        assert err is None
        stream.close(checker.must_call(closed))
    stream.write("foo", checker.must_call(written))
    run()


def test_does_not_perform_flush(checker: Any, tmp_path: Path,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _spy(monkeypatch)
    for i, flush in enumerate([None, False]):
        file = tmp_path / f"{i + 2}.out"
        stream = fs.createWriteStream(str(file), {"flush": flush})

        def written(err: Any = None, stream: Any = stream, file: Path = file) -> None:
            assert err is None
            stream.close(checker.must_call(lambda: file.read_text() == "foo" or _fail()))
        stream.write("foo", checker.must_call(written))
    run()
    assert calls == []


def _fail() -> bool:
    raise AssertionError("wrong file contents")
