"""Port of test/parallel/test-stream-readable-no-unneeded-readable.js (Node v20).

A wrapper reading its source on 'readable' ends: the source emits no
'readable' it does not need, whether piped through a PassThrough or pushing
synchronously then ending on the next tick.
"""

from __future__ import annotations

from typing import Any

from pynet import process, run
from pynet.stream import PassThrough, Readable


def wrap(checker: Any, r: Readable) -> None:
    wrapper: Readable

    def read(*args: Any) -> None:
        data = r.read()
        if data:
            wrapper.push(data)
            return

        def on_readable() -> None:
            more = r.read()
            if more:
                wrapper.push(more)
            # else: the end event should fire
        r.once("readable", on_readable)

    wrapper = Readable(read=read)
    r.once("end", lambda: wrapper.push(None))
    wrapper.resume()
    wrapper.once("end", checker.must_call())


def test_through_a_passthrough(checker: Any) -> None:
    source = Readable(read=lambda: None)
    source.push("foo")
    source.push("bar")
    source.push(None)
    pt = source.pipe(PassThrough())
    wrap(checker, pt)
    run()


def test_sync_push_then_async_end(checker: Any) -> None:
    push_chunks = ["foo", "bar"]
    r: Readable

    def read(*args: Any) -> None:
        if push_chunks:
            r.push(push_chunks.pop(0))
        else:
            process.nextTick(lambda: r.push(None))
    r = Readable(read=read)
    wrap(checker, r)
    run()
