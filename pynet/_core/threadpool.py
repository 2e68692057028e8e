"""libuv's threadpool: blocking work off the loop thread (``uv_queue_work``, ``uv_cancel``).

Theory of operation
-------------------
:func:`queue_work` hands ``work`` to a pool of daemon worker threads and
returns a :class:`WorkRequest` (libuv's ``uv_work_t``).  A worker runs
``work()``; the outcome is posted back with ``loop.call_from_thread``, so
``after_work(status, result)`` runs on the loop thread, in the poll phase,
as libuv's ``uv__work_done`` does.  ``status`` is 0, or ``errno.ECANCELED``
(with ``result`` None) for a request cancelled before a worker took it.

The pool is libuv's: ``UV_THREADPOOL_SIZE`` threads (1..1024, default 4),
read when the pool is first used; a thread is started only when every
existing one is busy.  One pool serves the process (``dns.lookup`` now,
``fs`` later); a forked child starts with none.

Invariants
----------
* A request holds one loop ref from :func:`queue_work` until right before
  its ``after_work`` runs (``uv__req_register``/``uv__req_unregister``), so
  ``run()`` does not return while work is in flight.  The ref is released
  exactly once, also when ``work`` raised or the request was cancelled.
* ``after_work`` is called exactly once per request, on the loop thread.
* :meth:`WorkRequest.cancel` succeeds only while the request is queued
  (``uv_cancel``: ``EBUSY`` once a worker runs it or it is done).
* Workers never run loop callbacks and touch the loop only through
  ``call_from_thread``.  An exception escaping ``work`` is raised on the loop
  thread, after the ref is released, instead of calling ``after_work``: it
  propagates out of ``run()`` like any callback's.

Node/libuv reference: ``uv_queue_work``, ``uv_cancel``, ``uv__work_submit``,
``uv__work_done``, ``worker`` and ``init_threads`` (src/threadpool.c).
"""

from __future__ import annotations

import errno
import os
import queue
import threading
from collections.abc import Callable
from typing import Any

from pynet._core.loop import Loop

__all__ = ["WorkRequest", "get_pool", "pool_size", "queue_work"]

AfterWork = Callable[[int, Any], None]

_QUEUED = 0
_RUNNING = 1
_DONE = 2


def pool_size() -> int:
    """``UV_THREADPOOL_SIZE`` (1..1024), default 4, read when the pool is made."""
    try:
        size = int(os.environ.get("UV_THREADPOOL_SIZE", "4"))
    except ValueError:
        size = 4
    return min(max(size, 1), 1024)


class WorkRequest:
    """One ``uv_work_t``: ``work`` for a worker, ``after_work`` for the loop."""

    __slots__ = ("_after_work", "_loop", "_state", "_work", "kind")

    def __init__(self, loop: Loop, work: Callable[[], Any], after_work: AfterWork,
                 kind: str) -> None:
        self._loop = loop
        self._work = work
        self._after_work = after_work
        self._state = _QUEUED
        self.kind = kind

    def cancel(self) -> int:
        """``uv_cancel``: 0 when the request was still queued, else ``EBUSY``.

        A cancelled request's ``after_work`` runs with ``ECANCELED``.
        """
        if not get_pool().claim(self, _DONE):
            return errno.EBUSY
        self._loop.call_from_thread(self._finish, errno.ECANCELED, None, None)
        return 0

    def run(self) -> None:
        """On a worker thread: run ``work`` and post the outcome to the loop."""
        error: BaseException | None = None
        result: Any = None
        try:
            result = self._work()
        except BaseException as exc:  # Raised on the loop thread instead.
            error = exc
        self._loop.call_from_thread(self._finish, 0, result, error)

    def _finish(self, status: int, result: Any, error: BaseException | None) -> None:
        """On the loop thread: release the ref, then ``after_work`` (``uv__work_done``)."""
        self._loop.remove_ref()
        if error is not None:
            raise error
        self._after_work(status, result)

    def __repr__(self) -> str:
        state = ("queued", "running", "done")[self._state]
        return f"<WorkRequest {self.kind} {state}>"


class _Pool:
    """Daemon threads taking requests off a queue; a thread is started only
    when every existing one is busy, up to ``size``."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._queue: queue.SimpleQueue[WorkRequest] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self.threads = 0
        self._outstanding = 0  # queued or running

    def submit(self, req: WorkRequest) -> None:
        with self._lock:
            self._outstanding += 1
            if self.threads < self.size and self._outstanding > self.threads:
                self.threads += 1
                threading.Thread(target=self._work, args=(self.threads,),
                                 name=f"pynet-worker-{self.threads}", daemon=True).start()
        self._queue.put(req)

    def claim(self, req: WorkRequest, state: int) -> bool:
        """Move a queued request to ``state``; False when it was not queued."""
        with self._lock:
            if req._state != _QUEUED:
                return False
            req._state = state
            if state == _DONE:
                self._outstanding -= 1
            return True

    def _work(self, number: int) -> None:
        thread = threading.current_thread()
        while True:
            req = self._queue.get()
            if not self.claim(req, _RUNNING):
                continue  # Cancelled while queued.
            # Discussion: the thread carries the kind of work it runs in its
            # name (pynet-dns-1), which is what a thread dump should show.
            thread.name = f"pynet-{req.kind}-{number}"
            try:
                req.run()
            finally:
                thread.name = f"pynet-worker-{number}"
                with self._lock:
                    req._state = _DONE
                    self._outstanding -= 1


_pool: _Pool | None = None
_pool_lock = threading.Lock()


def get_pool() -> _Pool:
    """The process's pool, made on first use."""
    global _pool
    pool = _pool
    if pool is None:
        with _pool_lock:
            if _pool is None:
                _pool = _Pool(pool_size())
            pool = _pool
    return pool


def queue_work(loop: Loop, work: Callable[[], Any], after_work: AfterWork,
               kind: str = "work") -> WorkRequest:
    """``uv_queue_work``: run ``work()`` on a worker, then ``after_work(status, result)``
    on the loop thread; ``kind`` names the work (``'dns'``, ``'fs'``)."""
    req = WorkRequest(loop, work, after_work, kind)
    loop.add_ref()
    try:
        get_pool().submit(req)
    except BaseException:
        loop.remove_ref()
        raise
    return req


def _forget_pool() -> None:
    # A forked child has none of the parent's threads.
    global _pool, _pool_lock
    _pool = None
    _pool_lock = threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_pool)
