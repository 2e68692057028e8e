"""Port of test/parallel/test-stream-auto-destroy.js (Node v20).

autoDestroy: a Readable closes after 'end', a Writable after 'finish', a
Transform after both; an 'error' emitted on a pipe destination destroys it.
"""

from __future__ import annotations

from typing import Any

from pynet import run
from pynet.stream import Readable, Transform, Writable


def test_readable_closes_after_end(checker: Any) -> None:
    def read(n: int) -> None:
        r.push("hello")
        r.push("world")
        r.push(None)
    r = Readable(autoDestroy=True, read=read,
                 destroy=checker.must_call(lambda err, cb: cb()))
    ended = []
    r.resume()
    r.on("end", checker.must_call(lambda: ended.append(True)))
    r.on("close", checker.must_call(lambda: ended == [True] or pytest_fail("close before end")))
    run()


def test_writable_closes_after_finish(checker: Any) -> None:
    w = Writable(autoDestroy=True, write=lambda data, enc, cb: cb(None),
                 destroy=checker.must_call(lambda err, cb: cb()))
    finished = []
    w.write("hello")
    w.write("world")
    w.end()
    w.on("finish", checker.must_call(lambda: finished.append(True)))

    def on_close() -> None:
        assert finished == [True]
    w.on("close", checker.must_call(on_close))
    run()


def test_transform_closes_after_end_and_finish(checker: Any) -> None:
    t = Transform(autoDestroy=True, transform=lambda data, enc, cb: cb(None, data),
                  destroy=checker.must_call(lambda err, cb: cb()))
    seen: list[str] = []
    t.write("hello")
    t.write("world")
    t.end()
    t.resume()
    t.on("end", checker.must_call(lambda: seen.append("end")))
    t.on("finish", checker.must_call(lambda: seen.append("finish")))

    def on_close() -> None:
        assert sorted(seen) == ["end", "finish"]
    t.on("close", checker.must_call(on_close))
    run()


def test_error_on_readable_pipe_destination_destroys_it(checker: Any) -> None:
    r = Readable(read=lambda n: r2.emit("error", Exception("fail")))
    r2 = Readable(autoDestroy=True, destroy=checker.must_call(lambda err, cb: cb()))
    r.pipe(r2)
    run()


def test_error_on_writable_pipe_destination_destroys_it(checker: Any) -> None:
    r = Readable(read=lambda n: w.emit("error", Exception("fail")))
    w = Writable(autoDestroy=True, destroy=checker.must_call(lambda err, cb: cb()))
    r.pipe(w)
    run()


def pytest_fail(msg: str) -> bool:
    raise AssertionError(msg)
