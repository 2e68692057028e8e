"""Port of test/parallel/test-fs-read-stream.js (Node v20).

ReadStream: 'open' with an int fd, bytesRead, pause/resume, utf8 decoding,
start/end ranges (also end without start, on a FIFO), autoClose false leaves the
fd usable, a bad fd errors without closing, a missing file destroys the stream.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

import pytest

from pynet import fs, run
from pynet.timers import setTimeout
from tests.conformance._fs_fixtures import elipses, x_txt  # noqa: F401
from tests.conformance.common import assert_node_error


def test_events_bytes_read_and_pause(checker: Any, elipses: str) -> None:  # noqa: F811
    size = os.stat(elipses).st_size
    state = {"paused": False, "bytes": 0, "length": 0}
    file = fs.createReadStream(elipses)
    assert file.bytesRead == 0

    def on_open(fd: Any) -> None:
        assert isinstance(fd, int)
        assert file.bytesRead == 0
        assert file.readable
        file.pause()
        file.resume()
        file.pause()
        file.resume()
    file.on("open", checker.must_call(on_open))

    def on_data(data: Any) -> None:
        assert isinstance(data, bytes)
        assert not state["paused"]
        state["length"] += len(data)
        state["bytes"] += len(data)
        assert file.bytesRead == state["bytes"]
        state["paused"] = True
        file.pause()

        def again() -> None:
            state["paused"] = False
            file.resume()
        setTimeout(again, 10)
    file.on("data", on_data)
    file.on("end", checker.must_call(lambda: state["bytes"] == size == file.bytesRead or _fail()))
    file.on("close", checker.must_call(lambda: state["bytes"] == size == file.bytesRead
                                       or _fail()))
    run()
    assert state["length"] == 30000


def test_utf8(checker: Any, elipses: str) -> None:  # noqa: F811
    file = fs.createReadStream(elipses, {"encoding": "utf8"})
    got: list[str] = []

    def on_data(data: Any) -> None:
        assert isinstance(data, str)
        assert set(data) == {"\u2026"}
        got.append(data)
    file.on("data", on_data)
    file.on("close", checker.must_call())
    run()
    assert len("".join(got)) == 10000


@pytest.mark.parametrize(("options", "expected"), [
    ({"bufferSize": 1, "start": 1, "end": 2}, "yz"),
    ({"bufferSize": 1, "start": 1}, "yz\n"),
    ({"bufferSize": 1.23, "start": 1}, "yz\n"),  # node-v0.x-archive#2320
    ({"start": 0, "end": 0}, "x"),
    ({"end": 1}, "xy"),  # end without start
])
def test_ranges(checker: Any, x_txt: str, options: dict[str, Any], expected: str) -> None:  # noqa: F811
    file = fs.createReadStream(x_txt, options)
    data: list[bytes] = []
    file.on("data", data.append)
    file.on("end", checker.must_call(lambda: b"".join(data).decode() == expected or _fail()))
    run()


def test_start_after_end_throws(x_txt: str) -> None:  # noqa: F811
    with pytest.raises(ValueError) as info:
        fs.createReadStream(x_txt, {"start": 10, "end": 2})
    assert_node_error(info.value, "ERR_OUT_OF_RANGE", "RangeError")
    assert str(info.value) == ('The value of "start" is out of range. It must be <= "end" '
                               '(here: 2). Received 10')


def test_end_without_start_on_a_fifo(checker: Any, tmp_path: Path) -> None:
    # No positioned reads without start: a non-seekable descriptor works.
    fifo = str(tmp_path / "foo.pipe")
    os.mkfifo(fifo)

    def writer() -> None:
        with open(fifo, "wb") as f:
            f.write(b"xyz foobar\n")
    thread = threading.Thread(target=writer)
    thread.start()
    stream = fs.createReadStream(fifo, {"end": 1})
    data: list[bytes] = []
    stream.on("data", data.append)
    stream.on("end", checker.must_call(lambda: b"".join(data) == b"xy" or _fail()))
    run()
    thread.join()


def test_pause_and_resume_at_once(x_txt: str) -> None:  # noqa: F811
    res = fs.createReadStream(x_txt)
    res.pause()
    res.resume()
    run()
    assert res.closed


def test_auto_close_false_keeps_the_fd(checker: Any, x_txt: str) -> None:  # noqa: F811
    file = fs.createReadStream(x_txt, {"autoClose": False})
    data: list[bytes] = []
    file.on("data", data.append)
    second: list[Any] = []

    def file_next() -> None:
        again = fs.createReadStream(None, {"fd": file.fd, "start": 0})
        second.append(again)
        got: list[bytes] = []
        again.on("data", got.append)
        again.on("end", checker.must_call(lambda: b"".join(got) == b"xyz\n" or _fail()))

    def on_end() -> None:
        assert b"".join(data) == b"xyz\n"

        def later() -> None:
            assert not file.closed
            assert not file.destroyed
            file_next()
        from pynet import nextTick
        nextTick(later)
    file.on("end", checker.must_call(on_end))
    run()
    assert second[0].closed
    assert second[0].destroyed


def test_bad_fd_with_auto_close_false(checker: Any) -> None:
    file = fs.createReadStream(None, {"fd": 13337, "autoClose": False})
    file.on("data", checker.must_not_call())
    file.on("error", checker.must_call(lambda e: e.code == "EBADF" or _fail()))
    run()
    assert not file.closed
    assert not file.destroyed
    assert file.fd


def test_missing_file_destroys_the_stream(checker: Any) -> None:
    file = fs.createReadStream("/path/to/file/that/does/not/exist")
    file.on("data", checker.must_not_call())
    file.on("error", checker.must_call())
    run()
    # Node 20: the stream is destroyed and 'close' has been emitted.
    assert file.closed
    assert file.destroyed


def _fail() -> bool:
    raise AssertionError("unexpected value")
