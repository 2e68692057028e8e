"""libuv's threadpool (``uv_queue_work``/``uv_cancel``): :mod:`pynet._core.threadpool`."""

from __future__ import annotations

import errno
import threading
from typing import Any

import pytest

from pynet._core import threadpool
from pynet._core.loop import Loop


def test_work_on_a_worker_after_work_on_the_loop_thread(loop: Loop) -> None:
    where: dict[str, str] = {}
    got: list[tuple[int, Any]] = []

    def work() -> int:
        where["work"] = threading.current_thread().name
        return 42

    def after(status: int, result: Any) -> None:
        where["after"] = threading.current_thread().name
        got.append((status, result))

    threadpool.queue_work(loop, work, after, "test")
    assert got == []  # Never from inside queue_work.
    loop.run()
    assert got == [(0, 42)]
    assert where["after"] == threading.current_thread().name
    assert where["work"].startswith("pynet-test-")


def test_a_request_holds_the_loop_until_after_work(loop: Loop) -> None:
    release = threading.Event()
    refs: list[int] = []
    threadpool.queue_work(loop, lambda: release.wait(5),
                          lambda status, result: refs.append(loop.statistics().refs))
    assert loop.statistics().refs == 1
    loop.call_from_thread(release.set)
    loop.run()
    assert refs == [0]  # Released right before after_work.
    assert loop.statistics().refs == 0


def test_an_exception_in_work_is_raised_on_the_loop_thread(loop: Loop) -> None:
    def work() -> None:
        raise ValueError("in work")

    called: list[int] = []
    threadpool.queue_work(loop, work, lambda status, result: called.append(status))
    with pytest.raises(ValueError, match="in work"):
        loop.run()
    assert called == []
    assert loop.statistics().refs == 0


def test_cancel_a_queued_request(loop: Loop) -> None:
    """uv_cancel: a request no worker has taken is cancelled; after_work sees ECANCELED.
    A running one cannot be (EBUSY)."""
    size = threadpool.get_pool().size
    release = threading.Event()
    started = threading.Semaphore(0)

    def block() -> None:
        started.release()
        release.wait(5)

    done: list[tuple[str, int, Any]] = []
    busy = [threadpool.queue_work(loop, block, lambda s, r: done.append(("busy", s, r)))
            for _ in range(size)]
    for _ in range(size):
        assert started.acquire(timeout=5)  # Every worker is busy now.
    ran: list[bool] = []
    queued = threadpool.queue_work(loop, lambda: ran.append(True) or "ran",
                                   lambda s, r: done.append(("queued", s, r)))
    assert queued.cancel() == 0
    assert queued.cancel() == errno.EBUSY  # Already cancelled.
    assert busy[0].cancel() == errno.EBUSY  # Running.
    loop.call_from_thread(release.set)
    loop.run()
    assert ran == []
    assert ("queued", errno.ECANCELED, None) in done
    assert sorted(d for d in done if d[0] == "busy") == [("busy", 0, None)] * size
    assert loop.statistics().refs == 0


def test_pool_size_follows_uv_threadpool_size(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UV_THREADPOOL_SIZE", "3")
    assert threadpool.pool_size() == 3
    monkeypatch.setenv("UV_THREADPOOL_SIZE", "5000")
    assert threadpool.pool_size() == 1024
