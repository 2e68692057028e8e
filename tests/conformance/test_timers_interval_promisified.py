"""Port of test/parallel/test-timers-interval-promisified.js (Node v20), the parts that apply.

timers.promises.setInterval is an async iterator yielding its value each
interval; leaving the loop (break, return()) clears the interval; a signal
aborted before or during iteration ends it with AbortError; bad options fail
with ERR_INVALID_ARG_TYPE.  Not ported: the child-process check of ``ref``,
and the exact count of ticks missed while the consumer is slow (timing).
"""

from __future__ import annotations

import math
from typing import Any

import pytest

from pynet import errors, run
from pynet._core.loop import Loop
from pynet.abort import AbortController, AbortError
from pynet.timers import promises as tp


def test_yields_value_and_break_clears_the_interval(loop: Loop) -> None:
    async def main() -> list[Any]:
        got = []
        async for value in tp.setInterval(1, "foobar"):
            got.append(value)
            if len(got) == 3:
                break
        return got

    assert run(main()) == ["foobar"] * 3
    assert loop.statistics().timers == 0


def test_default_value_is_undefined(loop: Loop) -> None:
    async def main() -> Any:
        iterator = tp.setInterval(1)
        async for value in iterator:
            await iterator.return_()
            return value
        return "never"

    assert run(main()) is None


def test_abort_before(loop: Loop) -> None:
    ac = AbortController()
    ac.abort()

    async def main() -> None:
        async for _ in tp.setInterval(10, None, {"signal": ac.signal}):
            raise AssertionError("must not yield")

    with pytest.raises(AbortError):
        run(main())


def test_abort_during_iteration(loop: Loop) -> None:
    ac = AbortController()

    async def main() -> int:
        n = 0
        try:
            async for _ in tp.setInterval(1, None, {"signal": ac.signal}):
                n += 1
                if n == 2:
                    ac.abort()
        except AbortError:
            return n
        return -1

    assert run(main()) == 2
    assert loop.statistics().timers == 0


def test_abort_while_waiting(loop: Loop) -> None:
    ac = AbortController()
    from pynet.timers import setTimeout
    setTimeout(ac.abort, 5)

    async def main() -> str:
        try:
            async for _ in tp.setInterval(10_000, None, {"signal": ac.signal}):
                return "yielded"
        except AbortError as err:
            return err.code  # type: ignore[no-any-return]
        return "ended"

    assert run(main()) == "ABORT_ERR"


def test_invalid_options_fail_on_the_first_next(loop: Loop) -> None:
    async def first(*args: Any) -> None:
        async for _ in tp.setInterval(*args):
            raise AssertionError("must not yield")

    async def main() -> int:
        failures = 0
        for options in (1, "", False, math.inf):
            with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
                await first(10, None, options)
            failures += 1
        for signal in (1, "", False, math.inf, {}):
            with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
                await first(10, None, {"signal": signal})
            failures += 1
        for ref in (1, "", math.inf, {}):
            with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
                await first(10, None, {"ref": ref})
            failures += 1
        return failures

    tp.setInterval(10, None, 1)  # An async generator: nothing happens before next().
    assert run(main()) == 13
