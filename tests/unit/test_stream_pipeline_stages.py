"""pipeline's non-stream stages (Node's lib/internal/streams/pipeline.js).

Iterables and source functions first, async generator functions in the
middle, an ``async def`` or async generator function last; the expected
values are what node v20 prints for the same pipelines.
"""

from __future__ import annotations

from typing import Any

import pytest

from pynet import errors, run
from pynet._core.loop import Loop
from pynet.stream import PassThrough, Readable, Writable, pipeline, promises


async def upper(source: Any) -> Any:
    async for chunk in source:
        yield chunk.upper()


async def bang(source: Any) -> Any:
    async for chunk in source:
        yield chunk + "!"


def test_a_string_source_gives_its_characters(loop: Loop) -> None:
    got: list[Any] = []
    done: list[Any] = []
    pt = PassThrough(objectMode=True)
    pt.on("data", got.append)
    pipeline("abc", pt, lambda err: done.append(err))
    run()
    assert done == [None]
    assert got == ["a", "b", "c"]


def test_async_function_last_gives_the_value(loop: Loop) -> None:
    done: list[Any] = []

    async def double(source: Any) -> Any:
        async for x in source:
            yield x * 2

    async def total(source: Any) -> int:
        n = 0
        async for x in source:
            n += x
        return n

    ret = pipeline([1, 2], double, total, lambda err, value: done.append((err, value)))
    assert isinstance(ret, PassThrough)
    run()
    assert done == [(None, 6)]


def test_async_generator_last_feeds_the_returned_stream(loop: Loop) -> None:
    done: list[Any] = []
    got: list[Any] = []
    ret = pipeline(["x", "y"], upper, bang, lambda err, value: done.append((err, value)))
    ret.on("data", got.append)
    run()
    assert got == ["X!", "Y!"]
    assert done == [(None, None)]


def test_a_rejecting_destination_fails_the_pipeline(loop: Loop) -> None:
    done: list[Any] = []

    async def dst(source: Any) -> None:
        raise Exception("dst")

    pipeline([1], dst, lambda err, value: done.append((str(err), value)))
    run()
    assert done == [("dst", None)]


def test_a_throwing_transform_fails_the_pipeline(loop: Loop) -> None:
    done: list[Any] = []

    async def fail(source: Any) -> Any:
        async for _ in source:
            raise Exception("boom")
        yield None  # pragma: no cover - an async generator

    pipeline(Readable.from_([1, 2]), fail, PassThrough(objectMode=True),
             lambda err: done.append(str(err)))
    run()
    assert done == ["boom"]


def test_a_failing_destination_closes_a_generator_source(loop: Loop) -> None:
    done: list[Any] = []
    closed: list[bool] = []

    def gen() -> Any:
        try:
            yield "a"
            yield "b"
        finally:
            closed.append(True)

    w = Writable(write=lambda chunk, enc, cb: cb(Exception("wfail")))
    pipeline(gen(), w, lambda err: done.append(str(err)))
    run()
    assert done == ["wfail"]
    assert closed == [True]


def test_promises_pipeline_resolves_with_the_value(loop: Loop) -> None:
    async def total(source: Any) -> int:
        n = 0
        async for x in source:
            n += x
        return n

    async def main() -> Any:
        return await promises.pipeline(lambda: [1, 2, 3], total)
    assert run(main()) == 6


def test_bad_return_values_throw_node_errors(loop: Loop) -> None:
    with pytest.raises(errors.ERR_INVALID_RETURN_VALUE) as info:
        pipeline(lambda: 5, PassThrough(), lambda err: None)
    assert str(info.value) == ('Expected Iterable, AsyncIterable or Stream to be returned '
                               'from the "source" function but got type number (5).')
    with pytest.raises(errors.ERR_INVALID_RETURN_VALUE) as info:
        pipeline([1], lambda s: 5, PassThrough(), lambda err: None)
    assert str(info.value) == ('Expected AsyncIterable to be returned from the '
                               '"transform[0]" function but got type number (5).')
    with pytest.raises(errors.ERR_INVALID_RETURN_VALUE) as info:
        pipeline([1], lambda s: 5, lambda err: None)
    assert str(info.value) == ('Expected AsyncIterable or Promise to be returned from the '
                               '"destination" function but got type number (5).')
    run()
