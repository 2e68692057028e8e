"""Port of test/parallel/test-stream3-pipeline-async-iterator.js (Node v20).

Async generator functions act as the readable and the writable end of
``stream.promises.pipeline``: the last one gets the first one's values as
an async iterable, and the pipeline resolves after it.
"""

from __future__ import annotations

from typing import Any

from pynet import run
from pynet.stream import promises


def test_async_generators_as_both_ends(checker: Any) -> None:
    async def my_custom_readable() -> Any:
        yield "Hello"
        yield "World"

    async def my_custom_writable(stream: Any) -> Any:
        messages = [chunk async for chunk in stream]
        assert messages == ["Hello", "World"]
        return
        yield  # An async generator that yields nothing (Node's require-yield).

    promises.pipeline(my_custom_readable, my_custom_writable).then(checker.must_call())
    run()
