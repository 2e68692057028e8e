"""The stdio streams' pieces, in-process, on descriptors the test makes (not 0-2).

The whole streams, on the real descriptors 0-2 and against node, are in
tests/interop/test_stdio_node.py.
"""

from __future__ import annotations

import fcntl
import os
import socket
from pathlib import Path

import pytest

import pynet
from pynet import stream
from pynet._core.loop import Loop
from pynet._handles import stdio as handles
from pynet._handles.stdio import StdioFd, open_stdio
from pynet._net.stdio import FileReadStream, StdioSocket, SyncWriteStream
from pynet._streams.pipe import never_end


def test_a_pipe_is_reopened_and_the_original_stays_blocking(loop: Loop) -> None:
    r, w = os.pipe()  # the same holds with no reader left: the copy then gets EPIPE
    try:
        handle = open_stdio(loop, w, "PIPE", True)
        assert handle.fileno() != w  # a description of its own...
        assert os.get_blocking(w)  # ...so the shared one keeps its flags
        assert not os.get_blocking(handle.fileno())
        assert os.fstat(handle.fileno()).st_ino == os.fstat(w).st_ino
        handle.close(None)
        pynet.run()
    finally:
        os.close(r)
        os.close(w)


def test_where_no_reopen_works_the_descriptor_is_used_and_restored(loop: Loop) -> None:
    """No terminal name to reopen (here: a pipe taken for a TTY): the handle uses the
    descriptor in place, non-blocking, never closes it, and its flags come back
    at exit (Node's ResetStdio)."""
    r, w = os.pipe()
    try:
        flags = fcntl.fcntl(r, fcntl.F_GETFL)
        handle = open_stdio(loop, r, "TTY", False)
        assert handle.fileno() == r and not os.get_blocking(r)
        handle.close(None)
        pynet.run()
        assert os.fstat(r)  # never closed: it is not the handle's
        handles._restore_flags()
        assert fcntl.fcntl(r, fcntl.F_GETFL) == flags
    finally:
        os.close(r)
        os.close(w)


def test_writes_after_shutdown_fail_with_epipe() -> None:
    r, w = os.pipe()
    try:
        fd = StdioFd(w, False)
        fd.shutdown(socket.SHUT_WR)
        with pytest.raises(BrokenPipeError):
            fd.send(b"x")
        with pytest.raises(BrokenPipeError):
            fd.sendmsg([memoryview(b"x")])
    finally:
        os.close(r)
        os.close(w)


def test_pipe_never_ends_a_stdio_stream(loop: Loop, tmp_path: Path) -> None:
    fd = os.open(tmp_path / "out", os.O_WRONLY | os.O_CREAT)
    try:
        out = SyncWriteStream(fd, autoClose=False)
        never_end(out)
        ordinary = SyncWriteStream(os.dup(fd))
        finished: list[str] = []
        out.on("finish", lambda: finished.append("out"))
        ordinary.on("finish", lambda: finished.append("ordinary"))
        stream.Readable.from_([b"a", b"b"]).pipe(out)
        stream.Readable.from_([b"c"]).pipe(ordinary)
        pynet.run()
        assert finished == ["ordinary"]
        assert ordinary.fd is None  # ended, destroyed, its fd closed
        assert out.write(b"d") and not out.writableEnded
        assert sorted((tmp_path / "out").read_bytes()) == sorted(b"abcd")
    finally:
        os.close(fd)


def test_a_file_stdin_reads_on_the_thread_pool_and_keeps_its_fd(loop: Loop,
                                                                 tmp_path: Path) -> None:
    path = tmp_path / "in"
    path.write_bytes(b"x" * 200_000)
    fd = os.open(path, os.O_RDONLY)
    try:
        stdin = FileReadStream(fd)
        chunks: list[int] = []
        events: list[str] = []
        stdin.on("data", lambda d: chunks.append(len(d)))
        stdin.on("end", lambda: events.append("end"))
        stdin.on("close", lambda: events.append("close"))
        pynet.run()
        assert sum(chunks) == 200_000 and max(chunks) == 65536
        assert stdin.bytesRead == 200_000
        assert events == ["end"]  # autoClose false: no 'close', as Node's stdin
        stdin.destroy()
        pynet.run()
        assert events == ["end", "close"]
        assert os.fstat(fd)
    finally:
        os.close(fd)


def test_a_destroyed_stdio_socket_closes_only_its_own_copy(loop: Loop) -> None:
    r, w = os.pipe()
    try:
        out = StdioSocket(w, "PIPE", True, keep_open=False)
        assert out.write(b"hi")
        out.destroy()
        pynet.run()
        assert os.read(r, 10) == b"hi"
        assert os.fstat(w)
    finally:
        os.close(r)
        os.close(w)
