"""Readable's async iterator as Node 20's ``createAsyncIterator`` (an async
generator): nothing happens before the first ``next()``, leaving early
destroys through ``destroyer`` (an ``AbortError``), ``next()`` calls queue.
Expected values are what node v20 prints for the same scenarios.
"""

from __future__ import annotations

from typing import Any

from pynet import Promise, run
from pynet._core.loop import Loop
from pynet.stream import Readable, Stream


def test_no_listeners_and_no_destroy_before_the_first_next(loop: Loop) -> None:
    r = Readable(objectMode=True, read=lambda: None)
    it = r.__aiter__()
    assert r.listenerCount("readable") == 0
    done: list[bool] = []
    it.return_().then(lambda: done.append(r.destroyed))
    run()
    assert done == [False]


def test_leaving_early_destroys_with_an_abort_error(loop: Loop) -> None:
    r = Readable(objectMode=True, autoDestroy=False, read=lambda: r.push("a"))

    async def main() -> None:
        async for _chunk in r:
            break
    run(main())
    assert r.destroyed is True
    assert getattr(r.errored, "name", None) == "AbortError"


def test_an_ended_stream_is_destroyed_without_error(loop: Loop) -> None:
    def read() -> None:
        r.push("a")
        r.push(None)
    r = Readable(objectMode=True, read=read)

    async def main() -> None:
        async for _chunk in r:
            pass
    run(main())
    assert r.destroyed is True
    assert r.errored is None


def test_queued_next_calls_settle_in_order(loop: Loop) -> None:
    r = Readable(objectMode=True, read=lambda: None)
    it = r.__aiter__()
    got = Promise.all([Promise.resolve(it.__anext__()), Promise.resolve(it.__anext__())])
    r.push(1)
    r.push(2)
    seen: list[Any] = []
    got.then(seen.append)
    run()
    assert seen == [[1, 2]]
    it.return_()
    run()


def test_an_old_style_stream_is_read_through_wrap(loop: Loop) -> None:
    s = Stream()
    paused: list[str] = []
    s.pause = lambda: paused.append("pause")  # type: ignore[attr-defined]
    s.resume = lambda: paused.append("resume")  # type: ignore[attr-defined]

    async def main() -> list[Any]:
        got = []
        it = Readable.__aiter__(s)  # type: ignore[arg-type]
        for i in range(20):  # past the wrapper's 16-object high water mark
            s.emit("data", i)
        async for chunk in it:
            got.append(chunk)
            if len(got) == 20:
                s.emit("end")
        return got
    assert run(main()) == list(range(20))
    assert paused[0] == "pause"
    assert "resume" in paused


def test_break_from_a_named_iterator_waits_for_aclose(loop: Loop) -> None:
    """JavaScript's ``for await`` calls ``return()`` on ``break``; Python's
    ``async for`` does not call ``aclose()``.  An iterator that is a temporary
    of the loop is released at ``break`` (Node's order); a named one lives on
    until ``aclose()`` (``contextlib.aclosing``) or its last reference goes."""
    from contextlib import aclosing

    from pynet import events
    from pynet.stream import PassThrough

    seen: list[Any] = []

    async def main() -> None:
        named, temp, closed = PassThrough(), PassThrough(), PassThrough()
        for s in (named, temp, closed):
            s.write(b"a")
        it = aiter(named)
        async for _ in it:
            break
        async for _ in temp:
            break
        async with aclosing(aiter(closed)) as it2:
            async for _ in it2:
                break
        seen.append((named.destroyed, temp.destroyed, closed.destroyed))
        await it.aclose()
        seen.append(named.destroyed)
        ee = events.EventEmitter()
        on_it = events.on(ee, "x")
        ee.emit("x", 1)
        async for _ in on_it:
            break
        seen.append(ee.listenerCount("x"))
        async with aclosing(events.on(ee, "y")) as on_y:
            ee.emit("y", 1)
            async for _ in on_y:
                break
        seen.append(ee.listenerCount("y"))
        await on_it.aclose()
        seen.append(ee.listenerCount("x"))
    run(main())
    assert seen == [(False, True, True), True, 1, 0, 0]
