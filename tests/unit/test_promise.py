"""pynet.Promise, async functions as tasks, microtask order, unhandled rejections, run(main())."""

from __future__ import annotations

import asyncio
import gc
import types
from typing import Any

import pytest

import pynet
from pynet import Promise, errors, process, queueMicrotask, run
from pynet._core.loop import Loop
from pynet._core.promise import PromiseRejectionError, Suspension
from pynet.events import EventEmitter
from pynet.timers import setImmediate, setTimeout


def test_then_runs_as_a_microtask_after_ticks(fake_loop: Loop) -> None:
    log: list[str] = []
    Promise.resolve(1).then(lambda v: log.append(f"then {v}"))
    process.nextTick(lambda: log.append("tick"))
    queueMicrotask(lambda: log.append("microtask"))
    log.append("sync")
    run()
    assert log == ["sync", "tick", "then 1", "microtask"]


def test_ticks_queued_by_microtasks_run_after_the_microtask_queue(fake_loop: Loop) -> None:
    log: list[str] = []

    def first() -> None:
        log.append("m1")
        process.nextTick(lambda: log.append("tick from m1"))
        queueMicrotask(lambda: log.append("m3 (queued by m1)"))

    queueMicrotask(first)
    queueMicrotask(lambda: log.append("m2"))
    run()
    assert log == ["m1", "m2", "m3 (queued by m1)", "tick from m1"]


def test_microtasks_drain_after_every_timer_callback(fake_loop: Loop) -> None:
    log: list[str] = []
    for name in ("a", "b"):
        def cb(name: str = name) -> None:
            log.append(name)
            Promise.resolve().then(lambda: log.append(f"then {name}"))
        setTimeout(cb, 1)
    run()
    assert log == ["a", "then a", "b", "then b"]


def test_executor_then_catch_finally(fake_loop: Loop) -> None:
    log: list[Any] = []
    Promise(lambda resolve, reject: resolve(5)).then(lambda v: v * 2).then(log.append)
    Promise(lambda resolve, reject: reject(ValueError("no"))).catch(
        lambda e: log.append(str(e)))
    Promise.resolve(3).finally_(lambda: log.append("finally")).then(log.append)
    Promise.reject(KeyError("k")).finally_(lambda: None).catch(lambda e: log.append(type(e)))
    run()
    assert log == ["no", "finally", 10, 3, KeyError]


def test_executor_that_throws_rejects_and_only_first_settle_counts(fake_loop: Loop) -> None:
    log: list[Any] = []

    def executor(resolve: Any, reject: Any) -> None:
        resolve("first")
        reject(Exception("ignored"))
        raise RuntimeError("ignored too")

    Promise(executor).then(log.append)

    def thrower(resolve: Any) -> None:
        raise RuntimeError("thrown")

    Promise(thrower).catch(lambda e: log.append(str(e)))
    run()
    assert log == ["first", "thrown"]


def test_executor_must_be_callable(fake_loop: Loop) -> None:
    with pytest.raises(TypeError, match="Promise resolver undefined is not a function"):
        Promise(None)  # type: ignore[arg-type]


def test_thenable_adoption_and_thenable_calling_both(fake_loop: Loop) -> None:
    log: list[Any] = []

    class Both:
        def then(self, resolve: Any, reject: Any) -> None:
            resolve("first")
            reject(Exception("second"))

    class Throws:
        def then(self, resolve: Any) -> None:
            resolve("kept")
            raise RuntimeError("after resolve: ignored")

    Promise.resolve(Both()).then(log.append, lambda e: log.append("never"))
    Promise.resolve(Throws()).then(log.append)
    run()
    assert log == ["first", "kept"]


def test_chaining_cycle_rejects(fake_loop: Loop) -> None:
    log: list[Any] = []
    box: list[Promise[Any]] = []
    p = Promise.resolve(1).then(lambda _: box[0])
    box.append(p)
    p.catch(lambda e: log.append(str(e)))
    run()
    assert log == ["Chaining cycle detected for promise #<Promise>"]


def test_all_allsettled_race_any(fake_loop: Loop) -> None:
    log: list[Any] = []
    slow = Promise(lambda resolve: setTimeout(resolve, 10, "slow"))
    Promise.all([1, Promise.resolve(2), slow]).then(lambda v: log.append(("all", v)))
    Promise.all([]).then(lambda v: log.append(("all empty", v)))
    Promise.all([1, Promise.reject(ValueError("x"))]).catch(
        lambda e: log.append(("all rejected", str(e))))
    Promise.allSettled([1, Promise.reject("r")]).then(lambda v: log.append(
        ("allSettled", [(r["status"], r.get("value", r.get("reason"))) for r in v])))
    Promise.race([slow, Promise.resolve("fast")]).then(lambda v: log.append(("race", v)))
    Promise.any([Promise.reject(1), Promise.resolve("ok")]).then(
        lambda v: log.append(("any", v)))

    def aggregate(e: Any) -> None:
        log.append(("any rejected", type(e).__name__, str(e), e.errors))

    Promise.any([Promise.reject(1), Promise.reject(2)]).catch(aggregate)
    run()
    assert ("all", [1, 2, "slow"]) in log
    assert ("all empty", []) in log
    assert ("all rejected", "x") in log
    assert ("allSettled", [("fulfilled", 1), ("rejected", "r")]) in log
    assert ("race", "fast") in log
    assert ("any", "ok") in log
    assert ("any rejected", "AggregateError", "All promises were rejected", [1, 2]) in log


def test_async_function_runs_synchronously_to_its_first_await(fake_loop: Loop) -> None:
    log: list[str] = []

    async def main() -> str:
        log.append("start")
        await Promise.resolve()
        log.append("resumed")
        return "value"

    p = Promise.resolve(main())
    log.append("after call")
    p.then(log.append)
    run()
    assert log == ["start", "after call", "resumed", "value"]


def test_coroutine_that_never_awaits_settles_asynchronously(fake_loop: Loop) -> None:
    log: list[Any] = []

    async def quick() -> int:
        log.append("body")
        return 7

    Promise.resolve(quick()).then(log.append)
    log.append("sync")
    run()
    assert log == ["body", "sync", 7]


def test_run_returns_the_value_or_raises(fake_loop: Loop) -> None:
    async def ok() -> str:
        await Promise(lambda resolve: setTimeout(resolve, 5))
        return "done"

    assert run(ok()) == "done"

    async def bad() -> None:
        await Promise(lambda resolve: setImmediate(resolve))
        raise KeyError("bad")

    with pytest.raises(KeyError):
        run(bad())
    assert run(Promise.resolve(3)) == 3
    with pytest.raises(PromiseRejectionError) as info:
        run(Promise.reject(42))
    assert info.value.reason == 42


def test_run_returns_none_when_main_is_still_pending(fake_loop: Loop) -> None:
    async def forever() -> None:
        await Promise(lambda resolve: None)

    assert run(forever()) is None
    with pytest.raises(TypeError):
        run(42)


def test_run_handles_mains_rejection_itself(fake_loop: Loop) -> None:
    seen: list[Any] = []
    process.on("unhandledRejection", seen.append)
    try:
        async def bad() -> None:
            raise ValueError("main")
        with pytest.raises(ValueError):
            run(bad())
    finally:
        process.removeAllListeners("unhandledRejection")
    assert seen == []


def test_async_listener_rejection_is_an_unhandled_rejection(fake_loop: Loop) -> None:
    seen: list[Any] = []
    process.on("unhandledRejection", lambda reason, promise: seen.append(
        (str(reason), type(promise).__name__)))
    try:
        e = EventEmitter()

        async def listener() -> None:
            await Promise.reject(ValueError("in listener"))

        e.on("x", listener)
        e.emit("x")
        run()
    finally:
        process.removeAllListeners("unhandledRejection")
    assert seen == [("in listener", "Promise")]


def test_unhandled_rejection_without_listener_is_uncaught(fake_loop: Loop) -> None:
    Promise.reject(ValueError("nobody"))
    with pytest.raises(ValueError, match="nobody"):
        run()


def test_non_error_unhandled_rejection_is_err_unhandled_rejection(fake_loop: Loop) -> None:
    origins: list[Any] = []
    process.on("uncaughtException", lambda err, origin: origins.append((err.code, origin)))
    try:
        Promise.reject(42)
        run()
    finally:
        process.removeAllListeners("uncaughtException")
    assert origins == [("ERR_UNHANDLED_REJECTION", "unhandledRejection")]
    with pytest.raises(errors.ERR_UNHANDLED_REJECTION, match='reason "42"'):
        Promise.reject(42)
        run()


def test_rejection_handled_later_emits_rejection_handled(fake_loop: Loop) -> None:
    log: list[str] = []
    process.on("unhandledRejection", lambda r: log.append("unhandled"))
    process.on("rejectionHandled", lambda p: log.append("handled"))
    try:
        late = Promise.reject(ValueError("late"))
        setTimeout(lambda: late.catch(lambda: log.append("caught")), 5)
        run()
    finally:
        process.removeAllListeners("unhandledRejection")
        process.removeAllListeners("rejectionHandled")
    assert log == ["unhandled", "caught", "handled"]


def test_rejection_handled_in_the_same_tick_is_not_reported(fake_loop: Loop) -> None:
    p = Promise.reject(ValueError("x"))
    process.nextTick(lambda: p.catch(lambda: None))
    run()  # Handled before the drain ends: no uncaught exception.


def test_exception_thrown_from_then_rejects_the_derived_promise(fake_loop: Loop) -> None:
    log: list[Any] = []

    def boom() -> None:
        raise RuntimeError("from then")

    Promise.resolve().then(boom).catch(lambda e: log.append(str(e)))
    run()
    assert log == ["from then"]


def test_then_handlers_are_arity_tolerant_and_may_be_async(fake_loop: Loop) -> None:
    log: list[Any] = []

    async def handler(v: int) -> int:
        await Promise.resolve()
        return v + 1

    Promise.resolve(1).then(lambda: log.append("no arg")).then(lambda a, b: log.append((a, b)))
    Promise.resolve(1).then(handler).then(log.append)
    run()
    assert log == ["no arg", (None, None), 2]


def test_awaiting_non_error_rejection_raises_promise_rejection(fake_loop: Loop) -> None:
    async def main() -> Any:
        try:
            await Promise.reject("why")
        except PromiseRejectionError as e:
            return e.reason
        return None

    assert run(main()) == "why"


def test_rethrown_non_error_rejection_keeps_its_reason(fake_loop: Loop) -> None:
    log: list[Any] = []

    async def main() -> None:
        await Promise.reject(42)

    Promise.resolve(main()).catch(log.append)
    run()
    assert log == [42]


def test_awaiting_a_foreign_awaitable_raises_type_error(fake_loop: Loop) -> None:
    async def main() -> str:
        future: asyncio.Future[None] = asyncio.Future(loop=asyncio.new_event_loop())
        try:
            await future
        except TypeError as e:
            future.get_loop().close()
            return str(e)
        return "no"

    assert "pynet cannot await" in run(main())


def test_bare_yield_resumes_on_the_next_microtask(fake_loop: Loop) -> None:
    log: list[str] = []

    async def main() -> None:
        log.append("a")
        await asyncio.sleep(0)
        log.append("b")

    queueMicrotask(lambda: log.append("m1"))
    Promise.resolve(main())
    queueMicrotask(lambda: log.append("m2"))
    run()
    assert log == ["a", "m1", "b", "m2"]


def test_queue_microtask_validates_and_reports_exceptions(fake_loop: Loop) -> None:
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
        queueMicrotask("x")  # type: ignore[arg-type]
    queueMicrotask(lambda: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        run()


def test_pending_promise_keeps_nothing_alive(fake_loop: Loop) -> None:
    Promise(lambda resolve: None)
    run()
    assert fake_loop.statistics().idle


def test_promise_is_generic_and_exported() -> None:
    p: Promise[int] = Promise.resolve(1)
    assert pynet.Promise is Promise and pynet.queueMicrotask is queueMicrotask
    assert repr(Promise.reject.__doc__) != ""
    del p
    gc.collect()


def test_nested_await_runs_inline_unless_wrapped(fake_loop: Loop) -> None:
    """node prints inner, sync end, after inner (await of an async call takes
    a microtask); Python's ``await inner()`` delegates inline, and
    ``await Promise.resolve(inner())`` gives node's order."""
    log: list[str] = []

    async def inner() -> None:
        log.append("inner")

    async def plain() -> None:
        await inner()
        log.append("after inner")

    async def wrapped() -> None:
        await Promise.resolve(inner())
        log.append("after inner")

    Promise.resolve(plain())
    log.append("sync end")
    run()
    assert log == ["inner", "after inner", "sync end"]
    log.clear()
    Promise.resolve(wrapped())
    log.append("sync end")
    run()
    assert log == ["inner", "sync end", "after inner"]


class _Later(Suspension):
    """A Suspension that answers from a microtask it queues at once."""

    __slots__ = ("log", "outcome")

    def __init__(self, log: list[Any], outcome: Any) -> None:
        self.log = log
        self.outcome = outcome

    def attach(self, resume: Any, throw: Any) -> None:
        self.log.append("attach")
        if isinstance(self.outcome, BaseException):
            queueMicrotask(lambda: throw(self.outcome))
        else:
            queueMicrotask(lambda: resume(self.outcome))

    @types.coroutine
    def wait(self) -> Any:
        return (yield self)


def test_a_suspension_is_resumed_by_the_task_directly(fake_loop: Loop) -> None:
    """The task hands a yielded Suspension its resume/throw (no Promise): the
    value or the error comes back out of the await, one microtask later."""
    log: list[Any] = []

    async def main() -> None:
        log.append(await _Later(log, 7).wait())
        try:
            await _Later(log, ValueError("no")).wait()
        except ValueError as err:
            log.append(f"caught {err}")

    Promise.resolve(main())
    Promise.resolve().then(lambda: log.append("then"))
    log.append("sync end")
    run()
    assert log == ["attach", "sync end", 7, "attach", "then", "caught no"]


def test_microtask_runs_next_only_inside_the_drain_with_nothing_queued(loop: Loop) -> None:
    seen: list[bool] = []
    seen.append(loop.microtask_runs_next())  # Not in the drain.

    def first() -> None:
        seen.append(loop.microtask_runs_next())  # "second" is still queued.

    def second() -> None:
        seen.append(loop.microtask_runs_next())  # The last one.

    queueMicrotask(first)
    queueMicrotask(second)
    run()
    assert seen == [False, False, True]


def test_microtask_queue_empty_inside_a_microtask_is_microtask_runs_next(loop: Loop) -> None:
    # The async iterator tests ``not loop.microtask_queue`` from its microtasks
    # instead of calling microtask_runs_next(): the same answer there.
    seen: list[tuple[bool, bool]] = []

    def probe() -> None:
        seen.append((not loop.microtask_queue, loop.microtask_runs_next()))

    queueMicrotask(probe)
    queueMicrotask(probe)
    run()
    loop.queue_microtask(probe)  # The queue is the same deque after a drain.
    loop.queue_microtask(lambda: loop.queue_microtask(probe))
    run()
    assert seen == [(False, False), (True, True), (False, False), (True, True)]
