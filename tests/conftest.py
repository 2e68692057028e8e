"""Shared fixtures: a fresh loop per test, checked for leaks at teardown.

* ``loop`` — a new real-clock :class:`pynet._core.loop.Loop`, made current for the
  test.  At teardown it must be idle (``statistics().idle``): no ref'd
  handle, timer, immediate, queued callback or watched fd left behind.
* ``fake_loop`` — the same with a :class:`pynet._core.clock.FakeClock` (autojump),
  so timer tests never sleep.
* ``checker`` — Node's ``common.mustCall`` family, verified at teardown.
* ``ports`` — a :class:`tests.helpers.PortHolder`: ports held for the test
  (refused, or reserved for the code under test to bind), released at teardown.
* ``no_fd_leak`` (autouse) — the number of open fds is the same after the
  test as before.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from pynet._core import loop as _loop
from pynet._core.clock import FakeClock
from tests.helpers import CallChecker, PortHolder, node_path


def _open_fds() -> set[int]:
    try:
        return {int(fd) for fd in os.listdir("/proc/self/fd")}
    except FileNotFoundError:  # pragma: no cover - not Linux
        return set()


def _fresh(clock: FakeClock | None) -> Iterator[_loop.Loop]:
    loop = _loop.Loop(clock=clock)
    previous = _loop.set_loop(loop)
    try:
        yield loop
        stats = loop.statistics()
        assert stats.idle, f"the loop was left with live work: {stats}"
    finally:
        _loop.set_loop(previous)
        loop.close()


@pytest.fixture
def loop() -> Iterator[_loop.Loop]:
    yield from _fresh(None)


@pytest.fixture
def fake_loop() -> Iterator[_loop.Loop]:
    yield from _fresh(FakeClock())


@pytest.fixture
def checker() -> Iterator[CallChecker]:
    c = CallChecker()
    yield c
    c.verify()


@pytest.fixture
def ports() -> Iterator[PortHolder]:
    holder = PortHolder()
    try:
        yield holder
    finally:
        holder.close()


@pytest.fixture(autouse=True)
def no_fd_leak() -> Iterator[None]:
    before = _open_fds()
    yield
    leaked = _open_fds() - before
    # Give fds a moment: /proc listing itself opens one, already closed here.
    leaked = {fd for fd in leaked if os.path.exists(f"/proc/self/fd/{fd}")}
    assert not leaked, f"leaked fds: {sorted(leaked)} -> " + ", ".join(
        os.readlink(f"/proc/self/fd/{fd}") for fd in sorted(leaked)
        if os.path.exists(f"/proc/self/fd/{fd}"))


@pytest.fixture
def node() -> str:
    path = node_path()
    if path is None:
        pytest.skip("node is not on PATH (CI installs it)")
    return path
