"""Port of test/parallel/test-readline-csi.js (Node v20).

The cursor helpers write Node's CSI sequences to a Writable: clearScreenDown
``ESC[0J``; clearLine left ``ESC[1K``, right ``ESC[0K``, whole ``ESC[2K``;
moveCursor by (dx, dy), nothing for (0, 0); cursorTo ignores a missing stream
and non-numeric positions, raises ``ERR_INVALID_CURSOR_POS`` for a row
without a column, and writes ``ESC[xG`` / ``ESC[y;xH`` (1-based).  Not ported:
the ``CSI`` tag of ``internal/readline`` (``--expose-internals``); its four
constants are the literal sequences checked here.
"""

from __future__ import annotations

from typing import Any

import pytest

from pynet import errors, readline, run, stream
from tests.conformance.common import assert_node_error

CLEAR_TO_BEGINNING = "\x1b[1K"
CLEAR_TO_END = "\x1b[0K"
CLEAR_LINE = "\x1b[2K"
CLEAR_SCREEN_DOWN = "\x1b[0J"


class TestWritable(stream.Writable):
    __test__ = False

    def __init__(self) -> None:
        super().__init__()
        self.data = ""

    def _write(self, chunk: Any, encoding: Any, cb: Any) -> None:
        self.data += bytes(chunk).decode()
        cb()


@pytest.mark.parametrize(("dx", "dy", "expected"), [
    (0, 0, ""),
    (1, 0, "\x1b[1C"),
    (-1, 0, "\x1b[1D"),
    (0, 1, "\x1b[1B"),
    (0, -1, "\x1b[1A"),
    (1, 1, "\x1b[1C\x1b[1B"),
    (-1, 1, "\x1b[1D\x1b[1B"),
    (-1, -1, "\x1b[1D\x1b[1A"),
    (1, -1, "\x1b[1C\x1b[1A"),
])
def test_move_cursor(dx: int, dy: int, expected: str) -> None:
    writable = TestWritable()
    readline.moveCursor(writable, dx, dy)
    assert writable.data == expected
    run()


def test_clear_screen_down_and_clear_line() -> None:
    writable = TestWritable()
    readline.clearScreenDown(writable)
    assert writable.data == CLEAR_SCREEN_DOWN
    for direction, expected in ((-1, CLEAR_TO_BEGINNING), (1, CLEAR_TO_END), (0, CLEAR_LINE)):
        writable.data = ""
        readline.clearLine(writable, direction)
        assert writable.data == expected
    run()


def test_cursor_to() -> None:
    readline.cursorTo(None)
    readline.cursorTo()
    writable = TestWritable()
    readline.cursorTo(writable, "a")
    assert writable.data == ""
    readline.cursorTo(writable, "a", "b")
    assert writable.data == ""
    with pytest.raises(errors.NodeError) as info:
        readline.cursorTo(writable, "a", 1)
    # Node 20 (the installed node) says "Cannot" and makes it a TypeError; the
    # newest suite expects "Can't" and an Error.
    assert_node_error(info.value, "ERR_INVALID_CURSOR_POS", "TypeError")
    assert str(info.value) == "Cannot set cursor row without setting its column"
    assert writable.data == ""
    readline.cursorTo(writable, 1, "a")
    assert writable.data == "\x1b[2G"
    writable.data = ""
    readline.cursorTo(writable, 1, 2)
    assert writable.data == "\x1b[3;2H"
    run()
