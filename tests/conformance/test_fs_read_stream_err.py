"""Port of test/parallel/test-fs-read-stream-err.js (Node v20).

A read that fails after a good one: one 'data', then 'error' with that error,
the fd closed once (by the stream's close, with its fd) and ``fd`` None by then.

Node replaces ``fs.read``/``fs.close``; pynet's reads are ``os.read`` calls on
the worker threads, so the port makes the second ``os.read`` of the stream's
descriptor fail, and watches the close request.
"""

from __future__ import annotations

import errno
import os
from typing import Any

import pytest

from pynet import fs, nextTick, run
from pynet._fs import ops


def test_read_error_after_first_chunk(checker: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    stream = fs.createReadStream(__file__, {"highWaterMark": 64})
    real_read = os.read
    reads = {"n": 0}
    failed: list[BaseException] = []

    def read(fd: int, n: int) -> bytes:
        if fd != stream.fd:
            return real_read(fd, n)
        reads["n"] += 1
        if reads["n"] == 1:
            return real_read(fd, n)  # First time is ok.
        if reads["n"] == 2:
            raise OSError(errno.EIO, "BAM")  # Then it breaks.
        raise AssertionError("read again after the error")
    monkeypatch.setattr(os, "read", read)

    real_close = ops.close

    def close(loop: Any, fd: int, done: Any) -> None:
        assert fd == stream.fd
        real_close(loop, fd, done)
    monkeypatch.setattr(ops, "close", checker.must_call(close))

    def on_error(err: BaseException) -> None:
        failed.append(err)

        def later() -> None:
            assert stream.fd is None
            assert getattr(err, "code", None) == "EIO"
            assert getattr(err, "syscall", None) == "read"
        nextTick(checker.must_call(later))
    stream.on("error", checker.must_call(on_error))

    def first(buf: bytes) -> None:
        stream.on("data", checker.must_not_call("no more 'data' events should follow"))
    stream.once("data", checker.must_call(first))
    run()
    assert len(failed) == 1
