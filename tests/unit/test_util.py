"""pynet.util.promisify / callbackify (Node's util)."""

from __future__ import annotations

from typing import Any

import pytest

from pynet import Promise, errors, run, timers, util
from pynet._core.loop import Loop


def test_promisify_resolves_with_the_first_value_and_rejects_with_err(fake_loop: Loop) -> None:
    def ok(a: int, cb: Any) -> None:
        timers.setTimeout(lambda: cb(None, a * 2, "ignored"), 1)

    def bad(cb: Any) -> None:
        cb(ValueError("no"))

    async def main() -> Any:
        value = await util.promisify(ok)(21)
        with pytest.raises(ValueError):
            await util.promisify(bad)()
        return value

    assert run(main()) == 42


def test_promisify_custom(fake_loop: Loop) -> None:
    assert util.promisify(timers.setTimeout) is timers.promises.setTimeout
    assert util.promisify(timers.setImmediate) is timers.promises.setImmediate

    def f(cb: Any) -> None:
        pass

    custom = lambda: Promise.resolve("custom")  # noqa: E731
    setattr(f, util.promisify.custom, custom)
    assert util.promisify(f) is custom
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
        util.promisify("x")


def test_callbackify(fake_loop: Loop) -> None:
    log: list[Any] = []

    async def add(a: int, b: int) -> int:
        await Promise.resolve()
        return a + b

    async def fail() -> None:
        raise KeyError("k")

    util.callbackify(add)(1, 2, lambda err, v: log.append((err, v)))
    util.callbackify(fail)(lambda err: log.append(type(err)))
    util.callbackify(lambda: Promise.reject(0))(lambda err: log.append((err.code, err.reason)))
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
        util.callbackify(add)(1, 2)
    run()
    # add awaits once more than the others settle, as in Node.
    assert log == [KeyError, ("ERR_FALSY_VALUE_REJECTION", 0), (None, 3)]
