"""Promise chains and pynet.run are checked: each marked line is an error."""

from __future__ import annotations

import pynet
from pynet import Promise


async def numbers() -> int:
    return 1


def takes_str(text: str) -> str:
    return text


async def main() -> None:
    p: Promise[int] = Promise.resolve(2)
    p.then(takes_str)  # E: the handler gets an int
    wrong: Promise[int] = p.then(lambda x: str(x))  # E: the chain gives a str
    caught: Promise[int] = p.catch(lambda err: "text")  # E: a str may come out
    also: Promise[str] = p.finally_(lambda: "ignored")  # E: finally_ keeps int
    p.finally_(takes_str)  # E: onFinally gets no argument
    text: str = await p.then(numbers)  # E: numbers() gives an int
    print(wrong, caught, also, text)


def start() -> None:
    value: str = pynet.run(numbers())  # E: run gives the coroutine's int
    pynet.run(5)  # E: not a coroutine nor a Promise
    print(value)
