"""Port of test/parallel/test-stream-pipe-same-destination-twice.js (Node v20).

Piping a source twice to one destination adds two pipes; unpipe() removes
one at a time (nodejs/node#12718).
"""

from __future__ import annotations

from typing import Any

from pynet import run
from pynet.stream import PassThrough, Writable


def foobar(chunk: Any, encoding: Any, cb: Any) -> None:
    assert chunk == b"foobar"
    cb()


def test_unpipe_removes_one_pipe(checker: Any) -> None:
    pass_through = PassThrough()
    dest = Writable(write=checker.must_call(foobar))
    pass_through.pipe(dest)
    pass_through.pipe(dest)
    assert pass_through.listenerCount("data") == 2
    assert pass_through._r_pipes == [dest, dest]
    pass_through.unpipe(dest)
    assert pass_through.listenerCount("data") == 1
    assert pass_through._r_pipes == [dest]
    pass_through.write("foobar")
    pass_through.pipe(dest)
    run()


def test_two_pipes_write_twice(checker: Any) -> None:
    pass_through = PassThrough()
    dest = Writable(write=checker.must_call(foobar, 2))
    pass_through.pipe(dest)
    pass_through.pipe(dest)
    assert pass_through.listenerCount("data") == 2
    assert pass_through._r_pipes == [dest, dest]
    pass_through.write("foobar")
    run()


def test_unpipe_twice_removes_both(checker: Any) -> None:
    pass_through = PassThrough()
    dest = Writable(write=checker.must_not_call())
    pass_through.pipe(dest)
    pass_through.pipe(dest)
    assert pass_through.listenerCount("data") == 2
    assert pass_through._r_pipes == [dest, dest]
    pass_through.unpipe(dest)
    pass_through.unpipe(dest)
    assert pass_through.listenerCount("data") == 0
    assert "data" not in pass_through.eventNames()
    assert len(pass_through._r_pipes) == 0
    pass_through.write("foobar")
    run()
