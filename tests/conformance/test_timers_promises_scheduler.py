"""Port of test/parallel/test-timers-promises-scheduler.js (Node v20).

``timers.promises.scheduler``: ``yield_()`` resumes after the microtasks
queued before it (a listener added by a microtask sees the event), ``wait(ms)``
resumes after a shorter timer, and an aborted signal (before or during the
wait) rejects with ``ABORT_ERR``, ``'The operation was aborted'``.
"""

from __future__ import annotations

from pynet import Promise, process, queueMicrotask, run
from pynet.abort import AbortController, AbortSignal
from pynet.timers import promises, setTimeout
from tests.helpers import CallChecker

scheduler = promises.scheduler


async def _rejects_abort(wait: object) -> None:
    try:
        await wait  # type: ignore[misc]
    except Exception as err:
        assert err.code == "ABORT_ERR"  # type: ignore[attr-defined]
        assert str(err) == "The operation was aborted"
        return
    raise AssertionError("did not reject")


def test_scheduler(checker: CallChecker) -> None:
    async def test_yield() -> None:
        await scheduler.yield_()
        process.emit("foo")

    try:
        Promise.resolve(test_yield()).then(checker.must_call())
        queueMicrotask(checker.must_call(lambda: process.addListener("foo", checker.must_call())))

        async def test_wait() -> None:
            value = [0]
            setTimeout(lambda: value.__setitem__(0, value[0] + 1), 10)
            await scheduler.wait(15)
            assert value[0] == 1

        Promise.resolve(test_wait()).then(checker.must_call())

        async def test_cancelable_wait1() -> None:
            ac = AbortController()
            wait = scheduler.wait(1e6, {"signal": ac.signal})
            ac.abort()
            await _rejects_abort(wait)

        Promise.resolve(test_cancelable_wait1()).then(checker.must_call())

        async def test_cancelable_wait2() -> None:
            wait = scheduler.wait(10000, {"signal": AbortSignal.abort()})
            await _rejects_abort(wait)

        Promise.resolve(test_cancelable_wait2()).then(checker.must_call())
        run()
    finally:
        process.removeAllListeners("foo")
