"""Port of test/parallel/test-stream-readable-next-no-null.js (Node v20).

``Readable.from_`` of an iterable that gives ``None`` (Node's ``null``)
fails the stream with ERR_STREAM_NULL_VALUES (a TypeError, "May not write
null values to stream"), destroys it and closes the iterator (its
``finally`` runs): an async generator yielding ``None``, a generator
yielding ``None``, a generator whose first (or second) item is a Promise
resolving to ``None`` (the items before it are pushed).
"""

from __future__ import annotations

from typing import Any

from pynet import Promise, errors, run
from pynet.stream import Readable, promises


async def rejects_null(iterable: Any, expected_chunks: list[Any] | None = None) -> None:
    stream = Readable.from_(iterable)
    chunks: list[Any] = []
    completion = promises.finished(stream)
    stream.on("data", chunks.append)
    try:
        await completion
    except Exception as err:
        assert isinstance(err, errors.ERR_STREAM_NULL_VALUES)
        assert isinstance(err, TypeError)
        assert str(err) == "May not write null values to stream"
    else:
        raise AssertionError("finished() did not reject")
    assert chunks == (expected_chunks or [])
    assert stream.destroyed is True


def test_next_no_null(checker: Any) -> None:
    async def async_iterator_yields_null() -> None:
        cleanup = checker.must_call()

        async def generate() -> Any:
            try:
                yield None
            finally:
                cleanup()
        await rejects_null(generate())

    async def sync_iterator_yields_null() -> None:
        cleanup = checker.must_call()

        def generate() -> Any:
            try:
                yield None
            finally:
                cleanup()
        await rejects_null(generate())

    async def first_sync_value_resolves_to_null() -> None:
        cleanup = checker.must_call()

        def generate() -> Any:
            try:
                yield Promise.resolve(None)
            finally:
                cleanup()
        await rejects_null(generate())

    async def later_sync_value_resolves_to_null() -> None:
        cleanup = checker.must_call()

        def generate() -> Any:
            try:
                yield Promise.resolve("first")
                yield Promise.resolve(None)
            finally:
                cleanup()
        await rejects_null(generate(), ["first"])

    Promise.all([async_iterator_yields_null(), sync_iterator_yields_null(),
                 first_sync_value_resolves_to_null(),
                 later_sync_value_resolves_to_null()]).then(checker.must_call())
    run()
