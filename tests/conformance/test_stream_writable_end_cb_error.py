"""Port of test/parallel/test-stream-writable-end-cb-error.js (Node v20).

end() callbacks get the write error; they run once even if 'error' is
emitted later by hand; a write after end fails every pending end() callback
with ERR_STREAM_WRITE_AFTER_END and destroys the stream.
"""

from __future__ import annotations

from typing import Any

from pynet import nextTick, run, setImmediate
from pynet.stream import Writable


def test_end_callbacks_get_the_write_error(checker: Any) -> None:
    writable = Writable()
    _err = Exception("kaboom")
    writable._write = lambda chunk, encoding, cb: nextTick(cb, _err)  # type: ignore
    writable.on("error", checker.must_call(lambda err: _same(err, _err)))
    writable.write("asd")
    writable.end(checker.must_call(lambda err: _same(err, _err)))
    writable.end(checker.must_call(lambda err: _same(err, _err)))
    run()


def test_end_callback_runs_once(checker: Any) -> None:
    writable = Writable()
    writable._write = lambda chunk, encoding, cb: nextTick(cb)  # type: ignore
    called = [False]

    def end_cb(err: Any) -> None:
        called[0] = True
        assert err is None
    writable.end("asd", checker.must_call(end_cb))
    writable.on("error", checker.must_call(lambda err: _same(str(err), "kaboom")))

    def on_finish() -> None:
        assert called[0] is True
        writable.emit("error", Exception("kaboom"))
    writable.on("finish", checker.must_call(on_finish))
    run()


def test_write_after_end_fails_every_end_callback(checker: Any) -> None:
    w = Writable(write=lambda chunk, encoding, callback: setImmediate(callback),
                 finish=lambda callback: setImmediate(callback))

    def after_end(err: Any) -> None:
        assert err.code == "ERR_STREAM_WRITE_AFTER_END"
    w.end("testing ended state", checker.must_call(after_end))
    assert w.destroyed is False
    assert w.writableEnded is True
    w.end(checker.must_call(after_end))
    assert w.destroyed is False
    assert w.writableEnded is True
    w.end("end", checker.must_call(after_end))
    assert w.destroyed is True
    w.on("error", checker.must_call(after_end))
    w.on("finish", checker.must_not_call())
    run()


def _same(a: Any, b: Any) -> None:
    assert a is b or a == b, (a, b)
