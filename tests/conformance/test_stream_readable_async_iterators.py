"""Port of test/parallel/test-stream-readable-async-iterators.js (Node v20).

``async for`` over a Readable (Node's ``readable[Symbol.asyncIterator]``):
old-style streams are read through ``Readable.wrap``; a stream without
``destroy`` is closed with ``close()``; ``next()`` calls made before any
data are queued and settle in order (values, then the error, then done);
errors from ``_read``, from ``destroy`` (sync, async, after a push) and from
the loop body reach the loop; a destroyed stream ends the loop without
deadlock (Node 20: with ERR_STREAM_PREMATURE_CLOSE, see the tests); ``setEncoding`` output is the same as ``'data'``'s; every pending
``next()`` settles on end and on destroy; ``autoDestroy: false`` keeps the
stream unless the loop is left early; the stream is destroyed only after
``'end'``; ``return()`` settles even when ``destroy`` is overridden or a
premature ``'close'`` comes.

JavaScript's ``iterator.next()`` (a ``{value, done}`` promise) is
``next_(it)`` here: ``__anext__()`` started at once, ``StopAsyncIteration``
read as ``done``.  Left out: the two http blocks (an http response and
request body read with ``for await``), as pynet has no http.
"""

from __future__ import annotations

from typing import Any

from pynet import Promise, nextTick, run, setImmediate, setTimeout
from pynet.stream import PassThrough, Readable, Stream, Transform, pipeline


async def _step(it: Any) -> dict[str, Any]:
    try:
        return {"value": await it.__anext__(), "done": False}
    except StopAsyncIteration:
        return {"value": None, "done": True}


def next_(it: Any) -> Promise[dict[str, Any]]:
    """JavaScript's ``it.next()``: runs at once, a Promise of ``{value, done}``."""
    return Promise.resolve(_step(it))


def run_main(checker: Any, main: Any) -> None:
    done = checker.must_call()

    async def wrapper() -> None:
        await main()
        done()
    run(wrapper())


def test_v1_stream(checker: Any) -> None:
    async def main() -> None:
        stream = Stream()
        stream.destroy = checker.must_call()  # type: ignore[attr-defined]

        def emit() -> None:
            stream.emit("data", "hello")
            stream.emit("data", "world")
            stream.emit("end")
        nextTick(emit)
        res = ""
        async for d in Readable.__aiter__(stream):  # type: ignore[arg-type]
            res += d
        assert res == "helloworld"
    run_main(checker, main)


def test_v1_stream_error(checker: Any) -> None:
    # Node 20.20 (the installed node) rejects the first next() already: the
    # wrapping Readable is destroyed by the 'error' emitted in the same tick
    # as the data, and the iterator reads nothing from a destroyed stream.
    # The newest suite expects two values first; Node 20 wins.
    async def main() -> None:
        stream = Stream()
        stream.close = checker.must_call()  # type: ignore[attr-defined]

        def emit() -> None:
            stream.emit("data", 0)
            stream.emit("data", 1)
            stream.emit("error", Exception("asd"))
        nextTick(emit)
        it = Readable.__aiter__(stream)  # type: ignore[arg-type]
        failed = checker.must_call(lambda err: _check_message(err, "asd"))
        await next_(it).then(checker.must_not_call()).catch(failed)
        assert (await next_(it))["done"] is True
    run_main(checker, main)


def test_non_standard_stream_cleanup(checker: Any) -> None:
    async def main() -> None:
        readable = Readable(autoDestroy=False, read=lambda: None)
        readable.push("asd")
        readable.push("asd")
        readable.destroy = None  # type: ignore[assignment, method-assign]
        readable.close = checker.must_call(  # type: ignore[attr-defined]
            lambda: readable.emit("close"))

        async def body() -> None:
            async for _d in readable:
                return
        await body()
    run_main(checker, main)


def test_next_then_for_await(checker: Any) -> None:
    async def main() -> None:
        readable = Readable(objectMode=True, read=lambda: None)
        readable.push(0)
        readable.push(1)
        readable.push(None)
        it = readable.__aiter__()
        assert (await next_(it))["value"] == 0
        async for d in it:
            assert d == 1
    run_main(checker, main)


def test_read_without_for_await(checker: Any) -> None:
    async def main() -> None:
        max_ = 5
        readable = Readable(objectMode=True, read=lambda: None)
        it = readable.__aiter__()
        assert it.stream is readable
        values = [next_(it) for _ in range(max_)]
        each = checker.must_call(lambda item, i: _check_value(item, f"hello-{i}"), 5)
        Promise.all(values).then(checker.must_call(
            lambda items: [each(item, i) for i, item in enumerate(items)]))
        for i in range(5):
            readable.push(f"hello-{i}")
        readable.push(None)
        last = await next_(it)
        assert last["done"] is True
    run_main(checker, main)


def test_read_without_for_await_deferred(checker: Any) -> None:
    async def main() -> None:
        readable = Readable(objectMode=True, read=lambda: None)
        it = readable.__aiter__()
        assert it.stream is readable
        values = [next_(it) for _ in range(3)]
        for i in range(3):
            readable.push(f"hello-{i}")
        k = 0
        each = checker.must_call(lambda item, expected: _check_value(item, expected), 5)
        for item in await Promise.all(values):
            each(item, f"hello-{k}")
            k += 1
        values = [next_(it) for _ in range(2)]
        readable.push("hello-3")
        readable.push("hello-4")
        readable.push(None)
        for item in await Promise.all(values):
            each(item, f"hello-{k}")
            k += 1
        last = await next_(it)
        assert last["done"] is True
    run_main(checker, main)


def test_read_without_for_await_with_errors(checker: Any) -> None:
    async def main() -> None:
        max_ = 3
        readable = Readable(objectMode=True, read=lambda: None)
        it = readable.__aiter__()
        assert it.stream is readable
        values = [next_(it) for _ in range(max_)]
        errors = [next_(it) for _ in range(2)]
        for i in range(3):
            readable.push(f"hello-{i}")
        resolved = await Promise.all(values)
        each = checker.must_call(lambda item, i: _check_value(item, f"hello-{i}"), max_)
        for i, item in enumerate(resolved):
            each(item, i)
        errors[0].catch(checker.must_call(lambda err: _check_message(err, "kaboom")))

        def is_done(item: Any) -> None:
            assert item["done"] is True
            assert item["value"] is None
        errors[1].then(checker.must_call(is_done))
        readable.destroy(Exception("kaboom"))
    run_main(checker, main)


def test_call_next_after_error(checker: Any) -> None:
    async def main() -> None:
        readable = Readable(read=lambda: None)
        it = readable.__aiter__()
        readable.destroy(Exception("kaboom"))
        try:
            await it.__anext__()
        except Exception as err:
            _check_message(err, "kaboom")
        else:
            raise AssertionError("next() did not reject")
    run_main(checker, main)


def test_read_object_mode(checker: Any) -> None:
    async def main() -> None:
        max_ = 42
        counts = {"readed": 0, "received": 0}

        def read() -> None:
            readable.push("hello")
            counts["readed"] += 1
            if counts["readed"] == max_:
                readable.push(None)
        readable = Readable(objectMode=True, read=read)
        async for k in readable:
            counts["received"] += 1
            assert k == "hello"
        assert counts["readed"] == counts["received"]
    run_main(checker, main)


def test_destroy_sync(checker: Any) -> None:
    async def main() -> None:
        readable = Readable(objectMode=True,
                            read=lambda: readable.destroy(Exception("kaboom from read")))
        err: Any = None
        try:
            async for _k in readable:
                pass
        except Exception as e:
            err = e
        _check_message(err, "kaboom from read")
    run_main(checker, main)


def test_destroy_async(checker: Any) -> None:
    async def main() -> None:
        pushed = []

        def read() -> None:
            if not pushed:
                readable.push("hello")
                pushed.append(True)
                setImmediate(lambda: readable.destroy(Exception("kaboom")))
        readable = Readable(objectMode=True, read=read)
        received = 0
        err: Any = None
        try:
            async for _k in readable:
                received += 1
        except Exception as e:
            err = e
        _check_message(err, "kaboom")
        assert received == 1
    run_main(checker, main)


def test_destroyed_by_throw(checker: Any) -> None:
    async def main() -> None:
        readable = Readable(objectMode=True, read=lambda: readable.push("hello"))
        err: Any = None
        try:
            async for k in readable:
                assert k == "hello"
                raise Exception("kaboom")
        except Exception as e:
            err = e
        _check_message(err, "kaboom")
        assert readable.destroyed is True
    run_main(checker, main)


def test_destroyed_sync_after_push(checker: Any) -> None:
    async def main() -> None:
        def read() -> None:
            readable.push("hello")
            readable.destroy(Exception("kaboom"))
        readable = Readable(objectMode=True, read=read)
        received = 0
        err: Any = None
        try:
            async for k in readable:
                assert k == "hello"
                received += 1
        except Exception as e:
            err = e
        _check_message(err, "kaboom")
        assert received == 1
    run_main(checker, main)


def test_destroyed_will_not_deadlock(checker: Any) -> None:
    # Node 20.20 (the installed node): the stream has closed (before 'end')
    # when the loop starts, so the loop throws ERR_STREAM_PREMATURE_CLOSE at
    # once (in Node 20 an unhandled rejection of the async callback); the
    # newest suite expects an empty loop.  Either way nothing waits forever
    # and 'close' is not emitted again.
    readable = Readable()
    readable.destroy()
    after_loop = checker.must_call()

    async def later() -> None:
        readable.on("close", checker.must_not_call())
        received = 0
        err: Any = None
        try:
            async for k in readable:
                assert k == "hello"
                received += 1
        except Exception as e:
            err = e
        _check_premature_close(err)
        assert received == 0
        after_loop()
    nextTick(checker.must_call(later))
    run()


def test_push_async(checker: Any) -> None:
    async def main() -> None:
        max_ = 42
        counts = {"readed": 0, "received": 0}

        def push() -> None:
            readable.push("hello")
            counts["readed"] += 1
            if counts["readed"] == max_:
                readable.push(None)
        readable = Readable(objectMode=True, read=lambda: setImmediate(push))
        async for k in readable:
            counts["received"] += 1
            assert k == "hello"
        assert counts["readed"] == counts["received"]
    run_main(checker, main)


def test_push_binary_async(checker: Any) -> None:
    async def main() -> None:
        max_ = 42
        counts = {"readed": 0}

        def push() -> None:
            readable.push("hello")
            counts["readed"] += 1
            if counts["readed"] == max_:
                readable.push(None)
        readable = Readable(read=lambda: setImmediate(push))
        expected: list[str] = []
        readable.setEncoding("utf8")
        readable.pause()
        readable.on("data", expected.append)
        data = ""
        async for k in readable:
            data += k
        assert data == "".join(expected)
    run_main(checker, main)


def test_next_on_destroyed_stream(checker: Any) -> None:
    # Node 20.20 (the installed node) rejects with ERR_STREAM_PREMATURE_CLOSE
    # here: the iterator's eos sees 'close' before 'end'.  The newest suite
    # expects done instead (a later Node change); Node 20 wins.
    async def main() -> None:
        readable = Readable(read=lambda: None)
        readable.destroy()
        await next_(readable.__aiter__()).then(
            checker.must_not_call(), checker.must_call(_check_premature_close))
    run_main(checker, main)


def test_next_on_pipelined_stream(checker: Any) -> None:
    async def main() -> None:
        readable = Readable(read=lambda: None)
        passthrough = PassThrough()
        err = Exception("kaboom")
        pipeline(readable, passthrough, checker.must_call(lambda e: _check_same(e, err)))
        readable.destroy(err)
        try:
            await readable.__aiter__().__anext__()
        except Exception as e:
            assert e is err
        else:
            raise AssertionError("next() did not reject")
    run_main(checker, main)


def test_iterating_on_an_ended_stream_completes(checker: Any) -> None:
    async def main() -> None:
        def read() -> None:
            r.push("asdf")
            r.push("hehe")
            r.push(None)
        r = Readable(objectMode=True, read=read)
        async for _a in r:
            pass
        async for _b in r:
            pass
    run_main(checker, main)


def test_destroy_mid_stream(checker: Any) -> None:
    # Node 20.20 (the installed node) rejects with ERR_STREAM_PREMATURE_CLOSE
    # here: the iterator's eos sees 'close' before 'end'.  The newest suite
    # expects done instead (a later Node change); Node 20 wins.
    async def main() -> None:
        def read() -> None:
            r.push("asdf")
            r.push("hehe")
        r = Readable(objectMode=True, read=read)
        received = 0
        err: Any = None
        try:
            async for _a in r:
                received += 1
                r.destroy(None)
        except Exception as e:
            err = e
        _check_premature_close(err)
        assert received == 1
    run_main(checker, main)


def test_readable_side_of_a_transform_pushes_null(checker: Any) -> None:
    async def main() -> None:
        transform = Transform(objectMode=True, transform=lambda chunk, enc, cb: cb(None, chunk))
        transform.push(0)
        transform.push(1)
        nextTick(lambda: transform.push(None))
        must_reach = [checker.must_call(), checker.must_call()]
        it = transform.__aiter__()
        assert (await next_(it))["value"] == 0
        async for d in it:
            assert d == 1
            must_reach[0]()
        must_reach[1]()
    run_main(checker, main)


def test_all_next_promises_resolve_on_end(checker: Any) -> None:
    async def main() -> None:
        r = Readable(objectMode=True, read=lambda: None)
        b = r.__aiter__()
        c = next_(b)
        d = next_(b)
        r.push(None)
        assert await c == {"done": True, "value": None}
        assert await d == {"done": True, "value": None}
    run_main(checker, main)


def test_all_next_promises_settle_on_destroy(checker: Any) -> None:
    # Node 20.20 (the installed node) rejects the first with ERR_STREAM_PREMATURE_CLOSE
    # here: the iterator's eos sees 'close' before 'end'.  The newest suite
    # expects done instead (a later Node change); Node 20 wins.
    async def main() -> None:
        r = Readable(objectMode=True, read=lambda: None)
        b = r.__aiter__()
        c = next_(b)
        d = next_(b)
        r.destroy()
        await c.then(checker.must_not_call(), checker.must_call(_check_premature_close))
        assert await d == {"done": True, "value": None}
    run_main(checker, main)


def test_all_next_promises_settle_on_destroy_with_error(checker: Any) -> None:
    async def main() -> None:
        r = Readable(objectMode=True, read=lambda: None)
        b = r.__aiter__()
        c = next_(b)
        d = next_(b)
        err = Exception("kaboom")
        r.destroy(err)

        async def first() -> None:
            e: Any = None
            try:
                await c
            except Exception as exc:
                e = exc
            assert e is err

        async def second() -> None:
            x = await d
            assert x["done"] is True
            assert x["value"] is None
        await Promise.all([first(), second()])
    run_main(checker, main)


def test_destroy_callback_error_reaches_next(checker: Any) -> None:
    _err = Exception("asd")
    r = Readable(read=lambda: None,
                 destroy=lambda err, callback: setTimeout(lambda: callback(_err), 1))
    r.destroy()
    it = r.__aiter__()
    next_(it).catch(checker.must_call(lambda err: _check_same(err, _err)))
    run()


def test_no_destroy_without_auto_destroy(checker: Any) -> None:
    # https://github.com/nodejs/node/issues/35116
    async def main() -> None:
        def read() -> None:
            r.push("asd")
            r.push(None)
        r = Readable(autoDestroy=False, read=read)
        async for _chunk in r:
            pass
        assert r.destroyed is False
    run_main(checker, main)


def test_destroy_without_auto_destroy_on_break(checker: Any) -> None:
    async def main() -> None:
        r = Readable(autoDestroy=False, read=lambda: r.push("asd"))
        async for _chunk in r:
            break
        assert r.destroyed is True
    run_main(checker, main)


def test_no_destroy_before_end(checker: Any) -> None:
    async def main() -> None:
        def read() -> None:
            r.push("asd")
            r.push(None)
        r = Readable(read=read)
        r.on("end", lambda: _check_not_destroyed(r))
        async for _chunk in r:
            pass
        assert r.destroyed is True
    run_main(checker, main)


def test_return_ends_when_destroy_has_no_callback(checker: Any) -> None:
    r = Readable(objectMode=True, read=lambda: None)
    original_destroy = r.destroy
    r.destroy = lambda err=None: original_destroy(err)  # type: ignore[method-assign]
    it = r.__aiter__()
    p = it.return_()
    r.push(None)
    p.then(checker.must_call())
    run()


def test_return_does_not_error_with_premature_close(checker: Any) -> None:
    r = Readable(objectMode=True, read=lambda: None)
    original_destroy = r.destroy
    r.destroy = lambda err=None: original_destroy(err)  # type: ignore[method-assign]
    it = r.__aiter__()
    p = it.return_()
    r.emit("close")
    p.then(checker.must_call()).catch(checker.must_not_call())
    run()


def test_finishes_when_destroyed(checker: Any) -> None:
    # Node 20.20 (the installed node) rejects with ERR_STREAM_PREMATURE_CLOSE
    # here: the iterator's eos sees 'close' before 'end'.  The newest suite
    # expects done instead (a later Node change); Node 20 wins.
    r = Readable(objectMode=True, read=lambda: None)
    r.destroy()

    def on_close() -> None:
        it = r.__aiter__()
        next_(it).then(checker.must_not_call(), checker.must_call(_check_premature_close))
    r.on("close", on_close)
    run()


def _check_value(item: Any, expected: Any) -> None:
    assert item["value"] == expected, (item, expected)


def _check_premature_close(err: Any) -> None:
    assert getattr(err, "code", None) == "ERR_STREAM_PREMATURE_CLOSE", repr(err)


def _check_message(err: Any, message: str) -> None:
    assert isinstance(err, Exception) and str(err) == message, repr(err)


def _check_same(err: Any, expected: Any) -> None:
    assert err is expected, (err, expected)


def _check_not_destroyed(r: Any) -> None:
    assert r.destroyed is False
