"""Port of test/parallel/test-timers-timeout-promisified.js (Node v20).

util.promisify(setTimeout) is timers.promises.setTimeout; it resolves with its
value (undefined by default); an aborted signal rejects with AbortError (before
or after the call) and the signal's listener is removed after resolving; bad
options reject with ERR_INVALID_ARG_TYPE; ``ref: false`` does not keep the
loop alive.  Not ported: the child-process check of ``ref`` (done in-process
here) and ``multipleResolves`` (removed from Node).
"""

from __future__ import annotations

import math
from typing import Any

from pynet import Promise, errors, run, timers, util
from pynet._core.loop import Loop
from pynet.abort import AbortController, AbortError, AbortSignal
from tests.helpers import CallChecker

set_promise_timeout = util.promisify(timers.setTimeout)


async def _rejects(promise: Any, kind: type[BaseException]) -> BaseException:
    try:
        await promise
    except kind as err:
        return err
    raise AssertionError("did not reject")


def test_is_timers_promises_set_timeout() -> None:
    assert set_promise_timeout is timers.promises.setTimeout


def test_values(loop: Loop, checker: CallChecker) -> None:
    set_promise_timeout(1).then(checker.must_call(lambda v: _eq(v, None)))
    set_promise_timeout(1, "foobar").then(checker.must_call(lambda v: _eq(v, "foobar")))
    run()


def _eq(a: Any, b: Any) -> None:
    assert a == b


def test_abort_before_and_after(loop: Loop, checker: CallChecker) -> None:
    ac = AbortController()
    ac.abort()
    promise = set_promise_timeout(10, None, {"signal": ac.signal})
    Promise.resolve(_rejects(promise, AbortError)).then(checker.must_call())
    ac2 = AbortController()
    promise2 = set_promise_timeout(10, None, {"signal": ac2.signal})
    ac2.abort()
    Promise.resolve(_rejects(promise2, AbortError)).then(checker.must_call())
    run()


def test_abort_error_carries_the_reason(loop: Loop) -> None:
    async def main() -> Any:
        err = await _rejects(set_promise_timeout(10, None, {"signal": AbortSignal.abort("why")}),
                             AbortError)
        return err.cause  # type: ignore[attr-defined]

    assert run(main()) == "why"


def test_listener_removed_after_resolving(loop: Loop, checker: CallChecker) -> None:
    signal = AbortController().signal

    def check(_: Any) -> None:
        assert signal.listenerCount("abort") == 0

    set_promise_timeout(0, None, {"signal": signal}).then(checker.must_call(check))
    assert signal.listenerCount("abort") == 1
    run()


def test_invalid_options(loop: Loop) -> None:
    async def main() -> None:
        for options in (1, "", False, math.inf):
            await _rejects(set_promise_timeout(10, None, options), errors.ERR_INVALID_ARG_TYPE)
        for signal in (1, "", False, math.inf, {}):
            await _rejects(set_promise_timeout(10, None, {"signal": signal}),
                           errors.ERR_INVALID_ARG_TYPE)
        for ref in (1, "", math.inf, {}):
            await _rejects(set_promise_timeout(10, None, {"ref": ref}),
                           errors.ERR_INVALID_ARG_TYPE)

    run(main())


def test_unref_timer_does_not_keep_the_loop_alive(loop: Loop) -> None:
    ac = AbortController()
    done: list[Any] = []
    set_promise_timeout(10_000, None, {"ref": False, "signal": ac.signal}).catch(done.append)
    run()  # Returns at once: nothing ref'd is left.
    assert done == []
    ac.abort()  # Clears the timer (the loop must end idle).
    run()
    assert isinstance(done[0], AbortError)
