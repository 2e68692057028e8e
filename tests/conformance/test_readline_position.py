"""Port of test/parallel/test-readline-position.js (Node v20).

``getCursorPos().cols`` after ``rl.write(text)`` on a terminal-mode
interface counts display columns: 1 for ``'a'``, 2 for a wide character,
0 for combining marks (U+0301, U+20DD) and the left-to-right mark; ctrl-U
(``rl.write(None, {'ctrl': True, 'name': 'u'})``) empties the line between
cases.
"""

from __future__ import annotations

import pytest

from pynet import readline, run, stream

CTRL_U = {"ctrl": True, "name": "u"}


@pytest.mark.parametrize(("cursor", "text"), [
    (1, "a"),
    (2, "ab"),
    (2, "丁"),
    (0, "\u0301"),  # COMBINING ACUTE ACCENT
    (1, "a\u0301"),  # á
    (0, "\u20dd"),  # COMBINING ENCLOSING CIRCLE
    (2, "a\u20ddb"),  # a⃝b
    (0, "\u200e"),  # LEFT-TO-RIGHT MARK
])
def test_cursor_columns(cursor: int, text: str) -> None:
    inp = stream.PassThrough()
    rl = readline.createInterface({"terminal": True, "input": inp, "prompt": ""})
    rl.write("x")
    rl.write(None, CTRL_U)
    assert rl.line == ""
    rl.write(text)
    assert rl.getCursorPos().cols == cursor
    rl.write(None, CTRL_U)
    assert rl.getCursorPos().cols == 0
    rl.close()
    run()
