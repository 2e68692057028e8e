"""Port of test/parallel/test-promises-unhandled-rejections.js (Node v20).

When ``'unhandledRejection'`` fires, and when it does not: a handler attached
synchronously, in a ``nextTick``, or after any mix of ticks and microtasks is
in time; one attached after ``setImmediate``/``setTimeout`` is too late (then
``'rejectionHandled'`` follows); derived promises (``then``, ``Promise.all``)
are reported instead of the ones they came from.  Mode ``none``
(``--unhandled-rejections=none``), as the original.

Each ``asyncTest`` of the original is one test here, and "done" is the loop
running dry: :func:`expect_one` checks that exactly one rejection was
reported (the original fails on a second ``done``), :func:`expect_none` that
none was.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from pynet import Promise, process, run
from pynet.timers import clearTimeout, setImmediate, setTimeout
from tests.helpers import CallChecker


@pytest.fixture(autouse=True)
def _mode_none(rejections: Callable[[str], None]) -> Iterator[None]:
    rejections("none")
    yield


def fail(_: Any = None) -> None:
    raise AssertionError("assert.fail")


def nothing(_: Any = None) -> None:
    pass


class Reports:
    """The ``'unhandledRejection'`` and ``'rejectionHandled'`` events of one test."""

    def __init__(self) -> None:
        self.unhandled: list[tuple[Any, Any]] = []
        self.handled: list[Any] = []
        process.on("unhandledRejection", lambda r, p: self.unhandled.append((r, p)))
        process.on("rejectionHandled", self.handled.append)


def expect_one(scenario: Callable[[], Any]) -> None:
    """``onUnhandledSucceed``: ``check(reason, promise)`` for the one report."""
    reports = Reports()
    check = scenario()
    run()
    assert len(reports.unhandled) == 1, reports.unhandled
    check(*reports.unhandled[0])


def expect_none(scenario: Callable[[], Any]) -> None:
    """``onUnhandledFail``: no ``'unhandledRejection'`` and no ``'rejectionHandled'``."""
    reports = Reports()
    scenario()
    run()
    assert reports.unhandled == [] and reports.handled == []


def test_synchronously_rejected_promise() -> None:
    e = Exception()

    def scenario() -> Any:
        Promise.reject(e)
        return lambda reason, promise: reason is e or fail()
    expect_one(scenario)


def test_synchronously_rejected_by_executor() -> None:
    e = Exception()

    def scenario() -> Any:
        Promise(lambda _, reject: reject(e))
        return lambda reason, promise: reason is e or fail()
    expect_one(scenario)


def test_rejected_after_setimmediate() -> None:
    e = Exception()

    def scenario() -> Any:
        Promise(lambda _, reject: setImmediate(lambda: reject(e)))
        return lambda reason, promise: reason is e or fail()
    expect_one(scenario)


def test_rejected_after_settimeout() -> None:
    e = Exception()

    def scenario() -> Any:
        Promise(lambda _, reject: setTimeout(lambda: reject(e), 1))
        return lambda reason, promise: reason is e or fail()
    expect_one(scenario)


def test_catching_after_setimmediate_is_too_late() -> None:
    e = Exception()

    def scenario() -> Any:
        box: list[Any] = []
        promise = Promise(lambda _, reject: box.append(reject))
        box[0](e)
        setImmediate(lambda: promise.then(fail, nothing))
        return lambda reason, p: reason is e or fail()
    expect_one(scenario)


def test_rethrown_error_only_is_reported() -> None:
    e, e2 = Exception(), Exception()
    box: list[Any] = []

    def scenario() -> Any:
        def on_reject(reason: Any) -> None:
            assert reason is e
            raise e2
        box.append(Promise.reject(e).then(fail, on_reject))
        return lambda reason, promise: (reason is e2 and promise is box[0]) or fail()
    expect_one(scenario)


def test_rethrown_after_settimeout_rejection() -> None:
    e, e2 = Exception(), Exception()
    box: list[Any] = []

    def scenario() -> Any:
        def on_reject(reason: Any) -> None:
            assert reason is e
            raise e2
        box.append(Promise(lambda _, reject: setTimeout(lambda: reject(e), 1))
                   .then(fail, on_reject))
        return lambda reason, promise: (reason is e2 and promise is box[0]) or fail()
    expect_one(scenario)


def test_rethrown_catch_attached_in_nexttick() -> None:
    e, e2 = Exception(), Exception()
    box: list[Any] = []

    def scenario() -> Any:
        def on_reject(reason: Any) -> None:
            assert reason is e
            raise e2

        def executor(_: Any, reject: Any) -> None:
            def later() -> None:
                reject(e)
                process.nextTick(lambda: box.append(box[0].then(fail, on_reject)))
            setTimeout(later, 1)
        box.append(Promise(executor))
        return lambda reason, promise: (reason is e2 and promise is box[1]) or fail()
    expect_one(scenario)


def test_catch_attached_synchronously() -> None:
    expect_none(lambda: Promise.reject(Exception()).then(fail, nothing))


def test_catch_attached_synchronously_executor() -> None:
    e = Exception()
    expect_none(lambda: Promise(lambda _, reject: reject(e)).then(fail, nothing))


def test_catch_in_nexttick_is_soon_enough() -> None:
    def scenario() -> None:
        promise = Promise.reject(Exception())
        process.nextTick(lambda: promise.then(fail, nothing))
    expect_none(scenario)


def test_catch_in_nexttick_is_soon_enough_executor() -> None:
    e = Exception()

    def scenario() -> None:
        promise = Promise(lambda _, reject: reject(e))
        process.nextTick(lambda: promise.then(fail, nothing))
    expect_none(scenario)


def test_inside_setimmediate_rejected_promise_returned_from_handler() -> None:
    def scenario() -> None:
        setImmediate(lambda: Promise.resolve("resolve")
                     .then(lambda: Promise.reject("reject")).catch(nothing))
    expect_none(scenario)


def test_adopting_async_rejection_then_catching() -> None:
    e = Exception()

    def scenario() -> None:
        Promise.resolve().then(
            lambda: Promise(lambda _, reject: setTimeout(lambda: reject(e), 1))
        ).then(fail, lambda reason: reason is e or fail())
    expect_none(scenario)


def test_catching_throw_in_fulfillment_handler() -> None:
    e = Exception()

    def thrower() -> None:
        raise e

    expect_none(lambda: Promise.resolve().then(thrower)
                .then(fail, lambda reason: reason is e or fail()))


def test_catching_returned_rejected_promise() -> None:
    e = Exception()
    expect_none(lambda: Promise.resolve().then(lambda: Promise.reject(e))
                .then(fail, lambda reason: reason is e or fail()))


def test_returned_async_rejected_promise_is_reported() -> None:
    e = Exception()
    box: list[Any] = []

    def scenario() -> Any:
        box.append(Promise.resolve().then(
            lambda: Promise(lambda _, reject: setTimeout(lambda: reject(e), 1))))
        return lambda reason, promise: (reason is e and promise is box[0]) or fail()
    expect_one(scenario)


def test_throw_in_fulfillment_handler_is_reported() -> None:
    e = Exception()
    box: list[Any] = []

    def thrower() -> None:
        raise e

    def scenario() -> Any:
        box.append(Promise.resolve().then(thrower))
        return lambda reason, promise: (reason is e and promise is box[0]) or fail()
    expect_one(scenario)


def test_returned_sync_rejected_promise_is_reported() -> None:
    e = Exception()
    box: list[Any] = []

    def scenario() -> Any:
        box.append(Promise.resolve().then(lambda: Promise.reject(e)))
        return lambda reason, promise: (reason is e and promise is box[0]) or fail()
    expect_one(scenario)


def test_catching_promise_all_of_rejected() -> None:
    expect_none(lambda: Promise.all([Promise.reject(Exception())]).then(fail, nothing))


def test_catching_promise_all_of_nexttick_rejected() -> None:
    e = Exception()

    def scenario() -> None:
        p = Promise(lambda _, reject: process.nextTick(lambda: reject(e)))
        p = Promise.all([p])
        process.nextTick(lambda: p.then(fail, nothing))
    expect_none(scenario)


def test_uncaught_promise_all_reports_the_returned_promise() -> None:
    e = Exception()
    box: list[Any] = []

    def scenario() -> Any:
        box.append(Promise.all([Promise.reject(e)]))
        return lambda reason, promise: (reason is e and promise is box[0]) or fail()
    expect_one(scenario)


def test_late_catch_gives_unhandled_then_handled() -> None:
    e = Exception()
    reports = Reports()

    def executor() -> None:
        raise e

    the_promise = Promise(executor)
    setTimeout(lambda: the_promise.then(fail, lambda reason: reason is e or fail()), 10)
    run()
    assert reports.unhandled == [(e, the_promise)]
    assert reports.handled == [the_promise]


def _ticks_then_microtasks(a: Any) -> None:
    process.nextTick(lambda: Promise.resolve().then(
        lambda: process.nextTick(lambda: Promise.resolve().then(lambda: a.catch(nothing)))))


def _microtasks_then_ticks(a: Any) -> None:
    Promise.resolve().then(lambda: process.nextTick(
        lambda: Promise.resolve().then(lambda: process.nextTick(lambda: a.catch(nothing)))))


@pytest.mark.parametrize("where", ["main", "setImmediate", "setTimeout"])
@pytest.mark.parametrize("mix", [_ticks_then_microtasks, _microtasks_then_ticks])
def test_ticks_and_microtasks_are_soon_enough(where: str, mix: Callable[[Any], None]) -> None:
    def body() -> None:
        mix(Promise.reject(Exception()))

    def scenario() -> None:
        if where == "main":
            body()
        elif where == "setImmediate":
            setImmediate(body)
        else:
            setTimeout(body, 0)
    expect_none(scenario)


def test_setimmediate_then_microtask_is_too_late() -> None:
    e = Exception()
    box: list[Any] = []

    def scenario() -> Any:
        p = Promise.reject(e)
        box.append(p)
        setImmediate(lambda: Promise.resolve().then(lambda: p.catch(nothing)))
        return lambda reason, promise: (reason is e and promise is p) or fail()
    expect_one(scenario)


def _four_microtasks(box: list[Any]) -> None:
    Promise.resolve().then(lambda: Promise.resolve().then(lambda: Promise.resolve().then(
        lambda: Promise.resolve().then(lambda: box[0].catch(nothing)))))


@pytest.mark.parametrize("immediate_first", [True, False])
def test_setimmediate_then_microtasks_is_too_late(immediate_first: bool) -> None:
    box: list[Any] = []

    def scenario() -> Any:
        if immediate_first:
            setImmediate(lambda: _four_microtasks(box))
            box.append(Promise.reject())
        else:
            box.append(Promise.reject())
            setImmediate(lambda: _four_microtasks(box))
        return lambda reason, promise: (reason is None and promise is box[0]) or fail()
    expect_one(scenario)


def test_nexttick_in_handler_runs_before_timers(checker: CallChecker) -> None:
    order: list[int] = []

    def on_unhandled() -> None:
        process.nextTick(lambda: order.append(1))

        def later() -> None:
            order.append(2)
            assert order == [1, 2]
        setTimeout(checker.must_call(later), 1)

    process.on("unhandledRejection", on_unhandled)
    Promise.reject(Exception("error"))
    run()


def test_throw_in_rejection_handled_goes_to_uncaught(checker: CallChecker) -> None:
    e, e2 = Exception(), Exception()

    def on_uncaught(err: BaseException) -> None:
        assert err is e2

    process.on("uncaughtException", checker.must_call(on_uncaught))

    def on_handled() -> None:
        raise e2

    process.on("rejectionHandled", on_handled)
    p = Promise.reject(e)
    setTimeout(lambda: p.catch(nothing), 1)  # .catch() itself does not raise
    run()


def test_rejection_inside_unhandled_lets_ticks_run_first(checker: CallChecker) -> None:
    Promise.reject(0)
    called = []
    done = checker.must_call()

    def on_unhandled() -> None:
        assert not called
        called.append(True)
        promise = Promise.reject(0)
        process.nextTick(lambda: promise.catch(done))

    process.on("unhandledRejection", on_unhandled)
    run()


def test_rejection_reported_immediately(checker: CallChecker) -> None:
    Promise.reject(0)
    timer = setTimeout(checker.must_not_call(), 10000)
    process.on("unhandledRejection", checker.must_call(lambda: clearTimeout(timer)))
    run()


def test_catching_does_not_affect_previous_promises() -> None:
    def scenario() -> Any:
        Promise.reject("1")
        Promise.reject("2").catch(nothing)
        return lambda reason, promise: reason == "1" or fail()
    expect_one(scenario)
