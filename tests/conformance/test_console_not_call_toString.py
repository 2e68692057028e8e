"""Port of test/parallel/test-console-not-call-toString.js (Node v20).

util.inspect of a function whose ``toString`` property was replaced does not
call it (a function prints as ``[Function: name]`` from its name alone).
"""

from __future__ import annotations

from typing import Any

from pynet import util


def test_inspect_does_not_call_to_string() -> None:
    called = False

    def func() -> None:
        pass

    def to_string() -> None:
        nonlocal called
        called = True

    func.toString = to_string  # type: ignore[attr-defined]
    text: Any = util.inspect(func)
    assert not called
    assert text.startswith("[Function: func]")
