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

Guest mode: with ``PYNET_TEST_GUEST=asyncio`` (or ``uvloop``) in the
environment, the ``loop`` fixture's loop is a guest of an asyncio event loop
(``pynet.asyncio.install()``, called inside it), so every test that uses it
runs pynet's phases from asyncio; ``run()`` then runs the asyncio loop until
pynet's is done (``.ci/run`` runs the suite this way too).
"""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

# The compiled build's CI job (PYNET_TEST_INSTALLED=1, .ci/run): pynet must come from the
# installed package, not from the checkout that pytest puts first on sys.path (for ``tests``).
# The checkout goes last, where ``tests`` is still found and ``pynet`` no longer is.
if os.environ.get("PYNET_TEST_INSTALLED") == "1":
    _ROOT = str(Path(__file__).resolve().parents[1])
    sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != _ROOT] + [_ROOT]
    assert "pynet" not in sys.modules, "pynet was imported before tests/conftest.py"

from pynet._core import loop as _loop
from pynet._core.clock import FakeClock
from tests.helpers import CallChecker, PortHolder, node_path


def _open_fds() -> set[int]:
    try:
        return {int(fd) for fd in os.listdir("/proc/self/fd")}
    except FileNotFoundError:  # pragma: no cover - not Linux
        return set()


GUEST = os.environ.get("PYNET_TEST_GUEST", "")


def _host_loop() -> asyncio.AbstractEventLoop:
    if GUEST == "uvloop":
        import uvloop
        return uvloop.new_event_loop()
    if GUEST == "asyncio":
        return asyncio.SelectorEventLoop()
    raise ValueError(f"PYNET_TEST_GUEST={GUEST!r}: expected asyncio or uvloop")


if GUEST == "uvloop":
    # libuv opens a process-wide pipe (its signal lock) with the first loop:
    # open it now, before the fd-leak check counts.
    _host_loop().close()


def _fresh(clock: FakeClock | None, guest: bool = False) -> Iterator[_loop.Loop]:
    loop = _loop.Loop(clock=clock)
    previous = _loop.set_loop(loop)
    host = None
    if guest:
        import pynet.asyncio

        async def install() -> None:
            pynet.asyncio.install()

        host = _host_loop()
        host.run_until_complete(install())
        assert loop.host is not None
    try:
        yield loop
        stats = loop.statistics()
        assert stats.idle, f"the loop was left with live work: {stats}"
    finally:
        if host is not None:
            pynet.asyncio.uninstall()
            host.close()
        _loop.set_loop(previous)
        loop.close()


@pytest.fixture
def loop() -> Iterator[_loop.Loop]:
    yield from _fresh(None, guest=bool(GUEST))


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
