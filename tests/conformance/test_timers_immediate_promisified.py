"""Port of test/parallel/test-timers-immediate-promisified.js (Node v20).

util.promisify(setImmediate) is timers.promises.setImmediate; it resolves with
its value; an aborted signal rejects with AbortError (before or after the
call); bad options reject with ERR_INVALID_ARG_TYPE; ``ref: false`` does not
keep the loop alive.  Not ported: the child-process check of ``ref`` (done
in-process here).
"""

from __future__ import annotations

import math
from typing import Any

from pynet import Promise, errors, run, timers, util
from pynet._core.loop import Loop
from pynet.abort import AbortController, AbortError
from tests.helpers import CallChecker

set_promise_immediate = util.promisify(timers.setImmediate)


async def _rejects(promise: Any, kind: type[BaseException]) -> None:
    try:
        await promise
    except kind:
        return
    raise AssertionError("did not reject")


def test_is_timers_promises_set_immediate() -> None:
    assert set_promise_immediate is timers.promises.setImmediate


def test_values(loop: Loop, checker: CallChecker) -> None:
    set_promise_immediate().then(checker.must_call(lambda v: _eq(v, None)))
    set_promise_immediate("foobar").then(checker.must_call(lambda v: _eq(v, "foobar")))
    run()


def _eq(a: Any, b: Any) -> None:
    assert a == b


def test_abort(loop: Loop, checker: CallChecker) -> None:
    ac = AbortController()
    ac.abort()
    Promise.resolve(_rejects(set_promise_immediate(10, {"signal": ac.signal}), AbortError)) \
        .then(checker.must_call())
    ac2 = AbortController()
    promise = set_promise_immediate(10, {"signal": ac2.signal})
    ac2.abort()
    Promise.resolve(_rejects(promise, AbortError)).then(checker.must_call())
    run()


def test_listener_removed_after_resolving(loop: Loop, checker: CallChecker) -> None:
    signal = AbortController().signal

    def check(_: Any) -> None:
        assert signal.listenerCount("abort") == 0

    set_promise_immediate(0, {"signal": signal}).then(checker.must_call(check))
    run()


def test_invalid_options(loop: Loop) -> None:
    async def main() -> None:
        for options in (1, "", False, math.inf):
            await _rejects(set_promise_immediate(10, options), errors.ERR_INVALID_ARG_TYPE)
        for signal in (1, "", False, math.inf, {}):
            await _rejects(set_promise_immediate(10, {"signal": signal}),
                           errors.ERR_INVALID_ARG_TYPE)
        for ref in (1, "", math.inf, {}):
            await _rejects(set_promise_immediate(10, {"ref": ref}),
                           errors.ERR_INVALID_ARG_TYPE)

    run(main())


def test_unref_immediate_does_not_keep_the_loop_alive(loop: Loop) -> None:
    ac = AbortController()
    done: list[Any] = []
    set_promise_immediate(None, {"ref": False, "signal": ac.signal}).catch(done.append)
    run()  # Returns at once: nothing ref'd is left.
    assert done == []
    ac.abort()  # Cancels the immediate (the loop must end idle).
    run()
    assert isinstance(done[0], AbortError)
