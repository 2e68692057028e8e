"""Port of test/parallel/test-stream-pipeline.js (Node v20), the callback forms.

pipeline(...streams, callback): data flows and the callback runs after
'finish'; missing arguments throw; a destroyed or failing stream fails the
pipeline and destroys every stream in it; the last stream is returned;
generators (and generator functions) as the source.  Left out: http and net
servers (covered by tests/interop/test_stream_public_node.py for net), legacy
``Stream`` objects, and everything on promises or async generators
(stream.promises, the promise machinery's work).
"""

from __future__ import annotations

from typing import Any

import pytest

from pynet import errors, run, setImmediate
from pynet.stream import PassThrough, Readable, Transform, Writable, pipeline


def must_succeed(checker: Any, fn: Any = None) -> Any:
    def cb(err: Any = None) -> None:
        assert err is None, err
        if fn is not None:
            fn()
    return checker.must_call(cb)


def kaboom(checker: Any) -> Any:
    def cb(err: Any) -> None:
        assert isinstance(err, Exception) and str(err) == "kaboom", err
    return checker.must_call(cb)


def test_read_to_write(checker: Any) -> None:
    finished = []
    processed: list[bytes] = []
    expected = [b"a", b"b", b"c"]
    read = Readable(read=lambda: None)
    write = Writable(write=lambda data, enc, cb: (processed.append(data), cb()))
    write.on("finish", lambda: finished.append(True))
    for chunk in expected:
        read.push(chunk)
    read.push(None)

    def done() -> None:
        assert finished
        assert processed == expected
    pipeline(read, write, must_succeed(checker, done))
    run()


def test_missing_arguments() -> None:
    read = Readable(read=lambda: None)
    with pytest.raises(errors.ERR_MISSING_ARGS):
        pipeline(read, lambda: None)
    with pytest.raises(errors.ERR_MISSING_ARGS):
        pipeline(lambda: None)
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
        pipeline()


def test_source_destroyed(checker: Any) -> None:
    read = Readable(read=lambda: None)
    write = Writable(write=lambda data, enc, cb: cb())
    read.push("data")
    setImmediate(lambda: read.destroy())
    pipeline(read, write, checker.must_call(lambda err: err is not None or _fail("no error")))
    run()


def test_source_destroyed_with_error(checker: Any) -> None:
    read = Readable(read=lambda: None)
    write = Writable(write=lambda data, enc, cb: cb())
    read.push("data")
    setImmediate(lambda: read.destroy(Exception("kaboom")))
    dst = pipeline(read, write, kaboom(checker))
    assert dst is write
    run()


def test_transform_error_destroys_all(checker: Any) -> None:
    read = Readable(read=lambda: None)
    transform = Transform(transform=lambda data, enc, cb: cb(Exception("kaboom")))
    write = Writable(write=lambda data, enc, cb: cb())
    for stream in (read, transform, write):
        stream.on("close", checker.must_call())
        stream.on("error", kaboom(checker))
    dst = pipeline(read, transform, write, kaboom(checker))
    assert dst is write
    read.push("hello")
    run()


def test_error_deep_in_a_chain(checker: Any) -> None:
    def make_transform() -> Transform:
        tr = Transform(transform=lambda data, enc, cb: cb(None, data))
        tr.on("close", checker.must_call())
        return tr

    rs = Readable(read=lambda n: rs.push("hello"))
    cnt = [10]

    def write(data: Any, enc: Any, cb: Any) -> None:
        cnt[0] -= 1
        if cnt[0] == 0:
            cb(Exception("kaboom"))
            return
        cb()
    ws = Writable(write=write)
    rs.on("close", checker.must_call())
    ws.on("close", checker.must_call())
    pipeline(rs, *(make_transform() for _ in range(6)), ws, kaboom(checker))
    run()


def test_callback_is_required() -> None:
    read = Readable(read=lambda: None)
    transform = Transform(transform=lambda data, enc, cb: cb(Exception("kaboom")))
    write = Writable(write=lambda data, enc, cb: cb())
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
        pipeline(read, transform, write)


def collecting_writable(res: list[str]) -> Writable:
    return Writable(write=lambda chunk, encoding, callback: (res.append(chunk.decode()),
                                                             callback()))


def test_generator_source(checker: Any) -> None:
    res: list[str] = []

    def gen() -> Any:
        yield "hello"
        yield "world"
    pipeline(gen(), collecting_writable(res),
             must_succeed(checker, lambda: _equal("".join(res), "helloworld")))
    run()


def test_generator_function_source(checker: Any) -> None:
    res: list[str] = []

    def gen() -> Any:
        yield "hello"
        yield "world"
    pipeline(gen, collecting_writable(res),
             must_succeed(checker, lambda: _equal("".join(res), "helloworld")))
    run()


def _throwing() -> Any:
    raise Exception("kaboom")
    yield  # pragma: no cover - makes this a generator function


def test_throwing_generator_function_destroys_destination(checker: Any) -> None:
    s = PassThrough()

    def done(err: Any, val: Any = None) -> None:
        assert str(err) == "kaboom"
        assert s.destroyed is True
    pipeline(_throwing, s, checker.must_call(done))
    run()


def test_throwing_generator_destroys_destination(checker: Any) -> None:
    s = PassThrough()

    def done(err: Any, val: Any = None) -> None:
        assert str(err) == "kaboom"
        assert s.destroyed is True
    pipeline(_throwing(), s, checker.must_call(done))
    run()


def _equal(a: Any, b: Any) -> None:
    assert a == b, (a, b)


def _fail(msg: str) -> bool:
    raise AssertionError(msg)
