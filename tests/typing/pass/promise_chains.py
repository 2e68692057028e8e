"""Promise.then/catch/finally_ and pynet.run are generic: the value type follows
the handlers (an ``async def`` handler gives what it returns), and ``run``
returns what its coroutine or Promise gives."""

from __future__ import annotations

from typing import assert_type

import pynet
from pynet import Promise


async def doubled(x: int) -> int:
    return 2 * x


def to_text(x: int) -> str:
    return str(x)


def recover(err: object) -> str:
    return f"failed: {err}"


async def main() -> int:
    p: Promise[int] = Promise.resolve(2)
    assert_type(p.then(), Promise[int])
    assert_type(p.then(to_text), Promise[str])
    assert_type(p.then(doubled), Promise[int])
    assert_type(p.then(lambda: 1.5), Promise[float])
    assert_type(p.then(None, recover), Promise[int | str])
    assert_type(p.then(to_text, recover), Promise[str])
    assert_type(p.catch(recover), Promise[int | str])
    assert_type(p.catch(), Promise[int])
    assert_type(p.finally_(lambda: None), Promise[int])
    text: str = await p.then(to_text).then(str.upper)
    number: int = await p.then(doubled).then(doubled)
    print(text)
    return number


def start() -> None:
    assert_type(pynet.run(main()), int)
    assert_type(pynet.run(Promise.resolve("x")), str)
    assert_type(pynet.run(), None)
