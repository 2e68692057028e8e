"""Port of test/parallel/test-stream-pipeline-listeners.js (Node v20).

pipeline() removes its 'error' listener from the last stream when that stream
is readable (a later error there is uncaught) and keeps the listeners of the
other streams; when the last stream is only writable, its listener stays.

Not ported: the middle case, an async generator function as a pipeline
stage: pynet's pipeline() does not take function stages after the source yet
(a library gap, not a JS-only feature).
"""

from __future__ import annotations

from typing import Any

from pynet import process, run, setTimeout
from pynet.stream import Duplex, PassThrough, Writable, pipeline


def test_last_readable_listener_removed(checker: Any) -> None:
    def on_uncaught(err: Any, *args: Any) -> None:
        assert str(err) == "no way"
    listener = checker.must_call(on_uncaught)
    process.on("uncaughtException", listener)
    try:
        a = PassThrough()
        a.end("foobar")
        b = Duplex(write=lambda chunk, encoding, callback: callback())

        def done(error: Any = None, *rest: Any) -> None:
            assert error is None
            assert a.listenerCount("error") > 0
            assert b.listenerCount("error") == 0

            def later() -> None:
                assert b.listenerCount("error") == 0
                b.destroy(Exception("no way"))
            setTimeout(later, 100)
        pipeline(a, b, checker.must_call(done))
        run()
    finally:
        process.off("uncaughtException", listener)


def test_last_writable_keeps_listener(checker: Any) -> None:
    e = PassThrough()
    e.end("foobar")
    f = Writable(write=lambda chunk, encoding, callback: callback())

    def done(error: Any = None, *rest: Any) -> None:
        assert error is None
        assert e.listenerCount("error") > 0
        assert f.listenerCount("error") > 0

        def later() -> None:
            assert f.listenerCount("error") > 0
            f.destroy(Exception("no way"))
        setTimeout(later, 100)
    pipeline(e, f, checker.must_call(done))
    run()
