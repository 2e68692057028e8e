"""Port of test/parallel/test-stream-readable-resumeScheduled.js (Node v20).

pipe(), a 'data' listener and resume() schedule the resume (resumeScheduled
True) until the next tick; it is False again in 'data' and 'resume'.
"""

from __future__ import annotations

from typing import Any

from pynet import process, run
from pynet.stream import Readable, Writable


def test_pipe(checker: Any) -> None:
    r = Readable(read=lambda: None)
    w = Writable()
    assert r._r_resume_scheduled is False
    r.pipe(w)
    assert r._r_resume_scheduled is True

    def later() -> None:
        assert r._r_resume_scheduled is False
    process.nextTick(checker.must_call(later))
    run()


def test_data_listener(checker: Any) -> None:
    r = Readable(read=lambda: None)
    assert r._r_resume_scheduled is False
    r.push(bytes([1, 2, 3]))

    def on_data(chunk: Any) -> None:
        assert r._r_resume_scheduled is False
    r.on("data", checker.must_call(on_data))
    assert r._r_resume_scheduled is True

    def later() -> None:
        assert r._r_resume_scheduled is False
    process.nextTick(checker.must_call(later))
    run()


def test_resume(checker: Any) -> None:
    r = Readable(read=lambda: None)
    assert r._r_resume_scheduled is False
    r.resume()
    assert r._r_resume_scheduled is True

    def check() -> None:
        assert r._r_resume_scheduled is False
    r.on("resume", checker.must_call(check))
    process.nextTick(checker.must_call(check))
    run()
