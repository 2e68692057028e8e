"""Node's ``test/common/hijackstdio.js`` for pynet: catch what the global console prints.

Node's tests replace ``process.stdout.write``; pynet's global console writes
to a replaced ``sys.stdout``/``sys.stderr`` when there is one (``pynet.console``'s
docstring), so :func:`hijack` replaces those (through pytest's ``monkeypatch``,
which puts them back) with a recorder of every ``write`` call.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest


class Recorder:
    """A text stream recording each ``write`` (``writeTimes`` counts them, as
    hijackstdio's ``process.stdout.writeTimes``)."""

    def __init__(self, listener: Callable[[str], Any] | None = None) -> None:
        self.writes: list[str] = []
        self.listener = listener
        self.isTTY = False

    @property
    def writeTimes(self) -> int:
        return len(self.writes)

    def write(self, data: str) -> int:
        self.writes.append(data)
        if self.listener is not None:
            self.listener(data)
        return len(data)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return self.isTTY


def hijack(monkeypatch: pytest.MonkeyPatch, name: str,
           listener: Callable[[str], Any] | None = None) -> Recorder:
    """``hijackStdout(listener)`` / ``hijackStderr(listener)``: ``name`` is
    ``'stdout'`` or ``'stderr'``."""
    recorder = Recorder(listener)
    monkeypatch.setattr(f"sys.{name}", recorder)
    return recorder
