"""Port of test/parallel/test-stream-destroy.js (Node v20), the blocks on plain streams.

``stream.destroy(stream[, err])`` destroys a Readable or a Writable at once:
without an error it emits an ``AbortError`` (the stream had not finished),
with one it emits that error; ``'close'`` follows.  Left out: the two http
blocks (``destroy(req)`` of an http.IncomingMessage), as pynet has no http.
"""

from __future__ import annotations

from typing import Any

from pynet import run, stream
from pynet.stream import Readable, Writable


def test_destroy_readable_without_error(checker: Any) -> None:
    r = Readable(read=lambda: None)
    stream.destroy(r)
    assert r.destroyed is True

    def on_error(err: Any) -> None:
        assert err.name == "AbortError"
        assert err.code == "ABORT_ERR"
    r.on("error", checker.must_call(on_error))
    r.on("close", checker.must_call())
    run()


def test_destroy_readable_with_error(checker: Any) -> None:
    r = Readable(read=lambda: None)
    stream.destroy(r, Exception("asd"))
    assert r.destroyed is True
    r.on("error", checker.must_call(lambda err: _check_message(err, "asd")))
    r.on("close", checker.must_call())
    run()


def test_destroy_writable_without_error(checker: Any) -> None:
    w = Writable(write=lambda chunk, enc, cb: None)
    stream.destroy(w)
    assert w.destroyed is True

    def on_error(err: Any) -> None:
        assert err.name == "AbortError"
    w.on("error", checker.must_call(on_error))
    w.on("close", checker.must_call())
    run()


def test_destroy_writable_with_error(checker: Any) -> None:
    w = Writable(write=lambda chunk, enc, cb: None)
    stream.destroy(w, Exception("asd"))
    assert w.destroyed is True
    w.on("error", checker.must_call(lambda err: _check_message(err, "asd")))
    w.on("close", checker.must_call())
    run()


def _check_message(err: Any, message: str) -> None:
    assert str(err) == message
