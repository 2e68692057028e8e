"""Port of test/parallel/test-fs-read-stream-inherit.js (Node v20).

The options of test-fs-read-stream.js, given through a prototype
(``Object.create({...})``), work as own options: here a ``ChainMap`` whose
own layer is empty and whose parent holds them.
"""

from __future__ import annotations

from collections import ChainMap
from typing import Any

import pytest

from pynet import fs, nextTick, run
from tests.conformance._fs_fixtures import elipses, x_txt  # noqa: F401
from tests.conformance.common import assert_node_error


def inherit(**options: Any) -> ChainMap[str, Any]:
    return ChainMap({}, dict(options))


def test_encoding(checker: Any, elipses: str) -> None:  # noqa: F811
    file = fs.createReadStream(elipses, inherit(encoding="utf8"))
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
    ({"bufferSize": 1.23, "start": 1}, "yz\n"),
    ({"start": 0, "end": 0}, "x"),
])
def test_ranges(checker: Any, x_txt: str, options: dict[str, Any], expected: str) -> None:  # noqa: F811
    file = fs.createReadStream(x_txt, inherit(**options))
    assert file.start == options["start"]
    if "end" in options:
        assert file.end == options["end"]
    data: list[bytes] = []
    file.on("data", data.append)
    file.on("end", checker.must_call(lambda: b"".join(data).decode() == expected or _fail()))
    run()


def test_start_after_end(x_txt: str) -> None:  # noqa: F811
    with pytest.raises(ValueError) as info:
        fs.createReadStream(x_txt, inherit(start=10, end=2))
    assert_node_error(info.value, "ERR_OUT_OF_RANGE", "RangeError")


def test_auto_close_false(checker: Any, x_txt: str) -> None:  # noqa: F811
    file7 = fs.createReadStream(x_txt, inherit(autoClose=False))
    assert file7.autoClose is False
    file7.on("data", lambda d: None)
    again: list[Any] = []

    def file7_next() -> None:
        stream = fs.createReadStream(None, inherit(fd=file7.fd, start=0))
        again.append(stream)
        data: list[bytes] = []
        stream.on("data", data.append)
        stream.on("end", checker.must_call(lambda: b"".join(data) == b"xyz\n" or _fail()))

    def on_end() -> None:
        def later() -> None:
            assert not file7.closed
            assert not file7.destroyed
            file7_next()
        nextTick(later)
    file7.on("end", checker.must_call(on_end))
    run()
    assert again[0].closed
    assert again[0].destroyed


def test_bad_fd_and_missing_file(checker: Any) -> None:
    file8 = fs.createReadStream(None, inherit(fd=13337, autoClose=False))
    file8.on("data", lambda d: None)
    file8.on("error", checker.must_call())
    file9 = fs.createReadStream("/path/to/file/that/does/not/exist")
    file9.on("data", lambda d: None)
    file9.on("error", checker.must_call())
    run()
    assert not file8.closed
    assert not file8.destroyed
    assert file8.fd
    assert file9.closed  # Node 20 emits 'close' after the open error.
    assert file9.destroyed


def _fail() -> bool:
    raise AssertionError("unexpected value")
