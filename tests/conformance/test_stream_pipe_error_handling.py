"""Port of test/parallel/test-stream-pipe-error-handling.js (Node v20).

Errors on piped streams: a listener on the source catches its error; without
one, emit('error') throws; removing the writable's own error listener after
pipe() leaves the error uncaught, and removing some other function leaves
the listener in place.
"""

from __future__ import annotations

from typing import Any

import pytest

from pynet import process, run, setTimeout
from pynet.stream import Readable, Stream, Writable


def test_error_listener_catches() -> None:
    source = Stream()
    dest = Stream()
    source.pipe(dest)
    got: list[Any] = []
    source.on("error", lambda err: got.append(err))
    err = Exception("This stream turned into bacon.")
    source.emit("error", err)
    assert got == [err] and got[0] is err


def test_error_without_listener_throws() -> None:
    source = Stream()
    dest = Stream()
    source.pipe(dest)
    err = Exception("This stream turned into bacon.")
    with pytest.raises(Exception) as info:
        source.emit("error", err)
    assert info.value is err


def test_error_with_removed_listener_is_uncaught(checker: Any) -> None:
    # The stored copy of the Node test expects this emit('error') to throw.
    # In node v20.20 it does not: pipe()'s own error handler is still there and,
    # with no other listener, destroys the writable with the error, which is
    # then uncaught.  This port follows node v20.
    def on_uncaught(err: Any, *args: Any) -> None:
        assert str(err) == "fail"
    listener = checker.must_call(on_uncaught)
    process.on("uncaughtException", listener)
    try:
        _removed_listener()
    finally:
        process.off("uncaughtException", listener)


def _removed_listener() -> None:
    r = Readable()
    w = Writable()
    state = {"removed": False, "did_test": False}

    def later() -> None:
        assert state["removed"]
        w.emit("error", Exception("fail"))
        state["did_test"] = True
    r._read = lambda n: setTimeout(later)  # type: ignore[method-assign]

    def my_on_error(er: Any) -> None:
        raise Exception("this should not happen")
    w.on("error", my_on_error)
    r.pipe(w)
    w.removeListener("error", my_on_error)
    state["removed"] = True
    run()
    assert state["did_test"]


def test_removing_other_listener_keeps_it() -> None:
    r = Readable()
    w = Writable()
    state = {"removed": False, "did_test": False, "caught": False}

    def later() -> None:
        assert state["removed"]
        w.emit("error", Exception("fail"))
        state["did_test"] = True
    r._read = lambda n: setTimeout(later)  # type: ignore[method-assign]

    def my_on_error(er: Any) -> None:
        assert not state["caught"]
        state["caught"] = True
    w.on("error", my_on_error)
    w._write = lambda chunk, encoding, cb: None  # type: ignore[method-assign]
    r.pipe(w)
    # Removing some OTHER random listener does nothing.
    w.removeListener("error", lambda *a: None)
    state["removed"] = True
    run()
    assert state["did_test"]
