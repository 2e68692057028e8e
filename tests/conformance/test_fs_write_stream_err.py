"""Port of test/parallel/test-fs-write-stream-err.js (Node v20).

A write that fails after a good one: its callback and 'error' get that error,
the fd is closed once (with the stream's fd) and ``fd`` is None at 'error'.

Node replaces ``fs.write``/``fs.close``; pynet's writes are ``os.writev``
calls on the worker threads, so the port makes the second one on the stream's
descriptor fail, and watches the close request.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest

from pynet import fs, run
from pynet._fs import ops


def test_write_error_after_first_write(checker: Any, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    stream = fs.createWriteStream(str(tmp_path / "out"), {"highWaterMark": 10})
    real_writev = os.writev
    calls = {"n": 0}

    def writev(fd: int, buffers: Any) -> int:
        if fd != stream.fd:
            return real_writev(fd, buffers)
        calls["n"] += 1
        if calls["n"] == 1:
            return real_writev(fd, buffers)  # First time is ok.
        if calls["n"] == 2:
            raise OSError(errno.EIO, "BAM")  # Then it breaks.
        raise AssertionError("BOOM! written again after the error")
    monkeypatch.setattr(os, "writev", writev)

    real_close = ops.close

    def close(loop: Any, fd: int, done: Any) -> None:
        assert fd == stream.fd
        real_close(loop, fd, done)
    monkeypatch.setattr(ops, "close", checker.must_call(close))
    errors: list[BaseException] = []

    def on_error(err: BaseException) -> None:
        assert stream.fd is None
        errors.append(err)
    stream.on("error", checker.must_call(on_error))

    def second_cb(err: BaseException) -> None:
        assert getattr(err, "code", None) == "EIO"
        assert getattr(err, "syscall", None) == "write"
        errors.append(err)

    def first_cb(err: Any = None) -> None:
        assert err is None
        stream.write(bytes(256), checker.must_call(second_cb))
    stream.write(bytes(256), checker.must_call(first_cb))
    run()
    assert errors[0] is errors[1]
