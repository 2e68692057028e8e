"""Promise[T] is checked: a Promise of one type is not a Promise of another."""

from __future__ import annotations

from pynet import Promise


async def numbers() -> int:
    return 1


async def main() -> None:
    text: str = await Promise.resolve(numbers())  # E: an int is not a str
    other: Promise[str] = Promise.resolve(3)  # E: Promise[int] is not Promise[str]
    print(text, other)
