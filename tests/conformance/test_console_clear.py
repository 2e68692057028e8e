"""Port of test/parallel/test-console-clear.js (Node v20).

console.clear() writes the cursor-home and clear-down sequence when stdout is
a TTY (and TERM is not dumb), nothing otherwise.
"""

from __future__ import annotations

import pytest

from pynet import console
from tests.conformance._hijackstdio import hijack


def do_test(monkeypatch: pytest.MonkeyPatch, is_tty: bool, check: str) -> None:
    out = hijack(monkeypatch, "stdout")
    out.isTTY = is_tty
    console.clear()
    assert "".join(out.writes) == check


def test_clear_on_a_tty(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "xterm")
    do_test(monkeypatch, True, "\x1b[1;1H\x1b[0J")


def test_clear_elsewhere(monkeypatch: pytest.MonkeyPatch) -> None:
    do_test(monkeypatch, False, "")
