"""Shared by the ports of Node's promise-rejection tests: Node's
``--unhandled-rejections`` flag for one test, and ``process``'s listeners
put back afterwards (the Node tests each run in a fresh process)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from pynet import process
from pynet._core import promise

EVENTS = ("unhandledRejection", "rejectionHandled", "uncaughtException", "warning",
          "multipleResolves")


@pytest.fixture
def rejections() -> Iterator[Callable[[str], None]]:
    """``rejections('warn')`` is ``// Flags: --unhandled-rejections=warn``."""
    saved = {event: process.listeners(event) for event in EVENTS}
    try:
        yield promise.set_unhandled_rejections
    finally:
        promise.set_unhandled_rejections("throw")
        for event in EVENTS:
            process.removeAllListeners(event)
            for listener in saved[event]:
                process.on(event, listener)


class Countdown:
    """Node's ``test/common/countdown``: ``callback()`` when ``dec()`` reaches 0."""

    def __init__(self, count: int, callback: Callable[[], None]) -> None:
        self.remaining = count
        self._callback = callback

    def dec(self) -> None:
        self.remaining -= 1
        if self.remaining == 0:
            self._callback()
