"""Port of test/parallel/test-stream-writable-finished.js (Node v20).

writableFinished is False until 'finish'; 'finish' is asynchronous, while
'prefinish' and _final run synchronously inside end().
"""

from __future__ import annotations

from typing import Any

from pynet import run
from pynet.stream import Writable


def test_writable_finished_is_a_property() -> None:
    assert isinstance(Writable.__dict__["writableFinished"], property)


def test_writable_finished_flips_at_finish(checker: Any) -> None:
    writable = Writable()

    def _write(chunk: Any, encoding: Any, cb: Any) -> None:
        assert writable.writableFinished is False
        cb()
    writable._write = _write  # type: ignore[method-assign]
    writable.on("finish", checker.must_call(lambda: _true(writable.writableFinished)))
    writable.end("testing finished state", checker.must_call(
        lambda: _true(writable.writableFinished)))
    run()


def test_finish_is_asynchronous(checker: Any) -> None:
    w = Writable(write=lambda chunk, encoding, cb: cb())
    w.end()
    w.on("finish", checker.must_call())
    run()


def test_prefinish_is_synchronous(checker: Any) -> None:
    w = Writable(write=lambda chunk, encoding, cb: cb())
    sync = [True]
    w.on("prefinish", checker.must_call(lambda: _true(sync[0])))
    w.end()
    sync[0] = False
    run()


def test_prefinish_is_synchronous_with_final(checker: Any) -> None:
    w = Writable(write=lambda chunk, encoding, cb: cb(), final=lambda cb: cb())
    sync = [True]
    w.on("prefinish", checker.must_call(lambda: _true(sync[0])))
    w.end()
    sync[0] = False
    run()


def test_final_is_called_synchronously(checker: Any) -> None:
    sync = [True]

    def final(cb: Any) -> None:
        assert sync[0] is True
        cb()
    w = Writable(write=lambda chunk, encoding, cb: cb(), final=checker.must_call(final))
    w.end()
    sync[0] = False
    run()


def _true(value: Any) -> None:
    assert value is True
