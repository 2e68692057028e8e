"""pynet.fs without node: the threadpool, the loop ref, the error shapes, bad input.

The traces against node are in tests/interop/test_fs_node.py and the ports of
Node's own tests in tests/conformance/test_fs_*.py; this file checks what those
cannot see (which thread runs the system calls, when the descriptor is closed)
and the bad-input cases directly.
"""

from __future__ import annotations

import datetime
import errno
import os
import pathlib
import threading
from pathlib import Path
from typing import Any

import pytest

import pynet
from pynet import fs
from pynet._core.loop import Loop
from pynet.abort import AbortController
from pynet.errors import ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_OUT_OF_RANGE


@pytest.fixture
def data_file(tmp_path: Path) -> Path:
    path = tmp_path / "data.bin"
    path.write_bytes(bytes(range(256)) * 40)  # 10240 bytes
    return path


def test_system_calls_run_on_fs_worker_threads(loop: Loop, data_file: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    threads: set[str] = set()
    real_open = os.open

    def spy(*args: Any) -> int:
        threads.add(threading.current_thread().name)
        return real_open(*args)
    monkeypatch.setattr(os, "open", spy)
    got: list[Any] = []
    fs.readFile(str(data_file), lambda err, data: got.append((err, len(data))))
    stream = fs.createReadStream(str(data_file))
    stream.resume()
    loop.run()
    assert got == [(None, 10240)]
    assert threads and all(name.startswith("pynet-fs-") for name in threads)
    assert threading.current_thread().name not in threads


def test_a_pending_request_keeps_the_loop_alive(loop: Loop, data_file: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    release = threading.Event()
    real_stat = os.stat

    def slow_stat(path: Any) -> Any:
        release.wait(5)
        return real_stat(path)
    monkeypatch.setattr(os, "stat", slow_stat)
    got: list[int] = []
    fs.stat(str(data_file), lambda err, st: got.append(st.size))
    assert loop.statistics().refs == 1
    threading.Timer(0.05, release.set).start()
    loop.run()
    assert got == [10240]
    assert loop.statistics().refs == 0


def test_destroy_during_a_read_closes_after_it(loop: Loop, data_file: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    # The fd is never closed under a worker that is reading it (kIsPerformingIO).
    events: list[str] = []
    in_read = threading.Event()
    release = threading.Event()
    real_read, real_close = os.read, os.close
    stream = fs.createReadStream(str(data_file), highWaterMark=16)
    fds: list[int] = []
    stream.on("open", fds.append)

    def read(fd: int, n: int) -> bytes:
        if fds and fd == fds[0]:
            in_read.set()
            release.wait(5)
            events.append("read done")
        return real_read(fd, n)

    def close(fd: int) -> None:
        if fds and fd == fds[0]:
            events.append("close")
        real_close(fd)
    monkeypatch.setattr(os, "read", read)
    monkeypatch.setattr(os, "close", close)

    def on_open(fd: int) -> None:
        def destroy_when_reading() -> None:
            in_read.wait(5)
            pynet.callFromThread(stream.destroy)
            pynet.callFromThread(release.set)
        threading.Thread(target=destroy_when_reading).start()
    stream.on("open", on_open)
    stream.on("data", lambda chunk: None)
    closed: list[bool] = []
    stream.on("close", lambda: closed.append(stream.destroyed))
    loop.run()
    assert events == ["read done", "close"]
    assert closed == [True]
    assert stream.fd is None


def test_enoent_shape(loop: Loop, tmp_path: Path) -> None:
    missing = str(tmp_path / "nope")
    got: list[Any] = []
    fs.readFile(missing, got.append)
    loop.run()
    err = got[0]
    assert isinstance(err, FileNotFoundError)
    assert str(err) == f"ENOENT: no such file or directory, open '{missing}'"
    assert (err.code, err.syscall, err.path, err.errno) == ("ENOENT", "open", missing,
                                                            errno.ENOENT)


def test_eisdir_on_read_has_no_path(loop: Loop, tmp_path: Path) -> None:
    got: list[Any] = []
    fs.readFile(str(tmp_path), lambda err, data: got.append((err, data)))
    stream = fs.createReadStream(str(tmp_path))
    stream.on("error", lambda err: got.append((err, None)))
    stream.resume()
    loop.run()
    for err, data in got:
        assert isinstance(err, IsADirectoryError)
        assert str(err) == "EISDIR: illegal operation on a directory, read"
        assert err.syscall == "read"
        assert not hasattr(err, "path")
        assert data is None
    assert len(got) == 2
    assert stream.closed and stream.fd is None


def test_stats(loop: Loop, data_file: Path) -> None:
    got: list[fs.Stats] = []
    fs.stat(data_file, lambda err, st: got.append(st))  # A pathlib path.
    loop.run()
    st = got[0]
    real = os.stat(data_file)
    assert st.size == 10240 and st.ino == real.st_ino and st.mode == real.st_mode
    assert st.isFile() and not st.isDirectory() and not st.isSymbolicLink()
    assert not st.isFIFO() and not st.isSocket()
    assert not st.isBlockDevice() and not st.isCharacterDevice()
    assert st.mtimeMs == real.st_mtime_ns / 1e6
    assert st.mtime == datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC) + \
        datetime.timedelta(milliseconds=int(st.mtimeMs))
    assert list(vars(st)) == ["dev", "mode", "nlink", "uid", "gid", "rdev", "blksize", "ino",
                              "size", "blocks", "atimeMs", "mtimeMs", "ctimeMs", "birthtimeMs",
                              "atime", "mtime", "ctime", "birthtime"]


def test_bytes_and_pathlib_paths(loop: Loop, tmp_path: Path) -> None:
    target = tmp_path / "bytes.txt"
    done: list[Any] = []
    fs.writeFile(os.fsencode(target), "x", lambda err: done.append(err))
    loop.run()
    fs.readFile(pathlib.Path(target), "utf8", lambda err, data: done.append(data))
    loop.run()
    fs.unlink(os.fsencode(target), lambda err: done.append(err))
    loop.run()
    assert done == [None, "x", None]
    got: list[Any] = []
    fs.unlink(os.fsencode(target), got.append)
    loop.run()
    assert got[0].path == str(target)  # A Buffer path is a string in the error.


def test_bad_arguments_raise_synchronously(tmp_path: Path) -> None:
    with pytest.raises(ERR_INVALID_ARG_VALUE):
        fs.readFile("a\0b", lambda err: None)
    with pytest.raises(ERR_INVALID_ARG_TYPE, match='"cb" argument'):
        fs.readFile(str(tmp_path))
    with pytest.raises(ERR_INVALID_ARG_TYPE, match="Received type number"):
        fs.unlink(3, lambda err: None)
    with pytest.raises(ERR_OUT_OF_RANGE):
        fs.createReadStream(str(tmp_path), start=3, end=1)
    with pytest.raises(ERR_INVALID_ARG_TYPE):
        fs.writeFile(str(tmp_path / "x"), 1.5, lambda err: None)
    with pytest.raises(ERR_INVALID_ARG_VALUE, match="'flags' is invalid"):
        fs.appendFile(str(tmp_path / "x"), "x", {"flag": "z"}, lambda err: None)


def test_promises_reject_bad_arguments(loop: Loop, tmp_path: Path) -> None:
    async def main() -> list[str]:
        out = []
        for make in (lambda: fs.promises.readFile(None), lambda: fs.promises.unlink(5),
                     lambda: fs.promises.writeFile(str(tmp_path / "p"), None),
                     lambda: fs.promises.readFile(str(tmp_path / "missing"))):
            promise = make()  # Never raises: an async function rejects.
            try:
                await promise
            except Exception as exc:
                out.append(exc.code)  # type: ignore[attr-defined]
        await fs.promises.writeFile(str(tmp_path / "p"), b"ok")
        st = await fs.promises.stat(str(tmp_path / "p"))
        out.append(st.size)
        return out
    assert pynet.run(main()) == ["ERR_INVALID_ARG_TYPE", "ERR_INVALID_ARG_TYPE",
                                 "ERR_INVALID_ARG_TYPE", "ENOENT", 2]


def test_callbacks_are_arity_tolerant(loop: Loop, data_file: Path) -> None:
    calls: list[str] = []
    fs.readFile(str(data_file), lambda: calls.append("readFile"))
    fs.stat(str(data_file), lambda err: calls.append("stat"))
    stream = fs.createReadStream(str(data_file))
    stream.on("open", lambda: calls.append("open"))
    stream.resume()
    stream.close(lambda: calls.append("close"))
    loop.run()
    # As in Node, 'open' still comes when close() was called before the open ended.
    assert sorted(calls) == ["close", "open", "readFile", "stat"]


def test_an_exception_in_a_callback_leaves_run(loop: Loop, data_file: Path) -> None:
    def boom(err: Any, data: Any) -> None:
        raise RuntimeError("from the callback")
    fs.readFile(str(data_file), boom)
    with pytest.raises(RuntimeError, match="from the callback"):
        loop.run()
    loop.run()


def test_descriptor_forms_leave_the_fd_open(loop: Loop, tmp_path: Path) -> None:
    path = tmp_path / "fd.txt"
    fd = os.open(path, os.O_RDWR | os.O_CREAT)
    try:
        got: list[Any] = []
        fs.writeFile(fd, "by fd", lambda err: got.append(err))
        loop.run()
        os.lseek(fd, 0, os.SEEK_SET)
        fs.readFile(fd, "utf8", lambda err, data: got.append(data))
        loop.run()
        assert got == [None, "by fd"]
        os.fstat(fd)  # Still open.
    finally:
        os.close(fd)


def test_file_truncated_mid_read_ends_early(loop: Loop, data_file: Path) -> None:
    stream = fs.createReadStream(str(data_file), highWaterMark=1000)
    sizes: list[int] = []

    def on_data(chunk: bytes) -> None:
        if not sizes:
            os.truncate(data_file, 1500)
        sizes.append(len(chunk))
    stream.on("data", on_data)
    ended: list[int] = []
    stream.on("end", lambda: ended.append(stream.bytesRead))
    loop.run()
    assert sizes == [1000, 500] and ended == [1500]
    assert stream.closed


def test_file_unlinked_mid_read_is_read_whole(loop: Loop, data_file: Path) -> None:
    stream = fs.createReadStream(str(data_file), highWaterMark=1000)
    stream.on("open", lambda: os.unlink(data_file))
    chunks: list[bytes] = []
    stream.on("data", chunks.append)
    loop.run()
    assert b"".join(chunks) == bytes(range(256)) * 40


def test_write_to_a_destroyed_stream(loop: Loop, tmp_path: Path) -> None:
    w = fs.createWriteStream(str(tmp_path / "w"))
    w.destroy()
    got: list[Any] = []
    assert w.write("late", lambda err: got.append(err)) is False
    w.on("error", lambda err: got.append(("error", err)))
    loop.run()
    assert [getattr(e, "code", None) for e in got] == ["ERR_STREAM_DESTROYED"]
    assert w.closed


def test_copy_through_pipe(loop: Loop, tmp_path: Path) -> None:
    src, dst = tmp_path / "src", tmp_path / "dst"
    payload = os.urandom(1 << 20)
    src.write_bytes(payload)
    out = fs.createWriteStream(str(dst))
    fs.createReadStream(str(src)).pipe(out)
    loop.run()
    assert dst.read_bytes() == payload
    assert out.bytesWritten == len(payload)


def test_write_stream_start_and_flags(loop: Loop, tmp_path: Path) -> None:
    path = tmp_path / "f"
    path.write_bytes(b"0123456789")
    w = fs.createWriteStream(str(path), flags="r+", start=4)
    w.write(b"ab")
    w.end("cd")
    loop.run()
    assert path.read_bytes() == b"0123abcd89"
    assert (w.bytesWritten, w.pos) == (4, 8)


def test_aborted_signal(loop: Loop, data_file: Path) -> None:
    controller = AbortController()
    controller.abort()
    got: list[Any] = []
    fs.readFile(str(data_file), {"signal": controller.signal}, lambda err: got.append(err))
    fs.writeFile(str(data_file), "x", {"signal": controller.signal}, lambda err: got.append(err))
    loop.run()
    assert [e.code for e in got] == ["ABORT_ERR", "ABORT_ERR"]
    assert data_file.stat().st_size == 10240  # Nothing was written.


def test_append_file_creates_and_appends(loop: Loop, tmp_path: Path) -> None:
    path = tmp_path / "log"
    fs.appendFile(str(path), "a", lambda err: None)
    loop.run()
    fs.appendFile(str(path), "b", {"flag": None}, lambda err: None)
    loop.run()
    assert path.read_text() == "ab"
