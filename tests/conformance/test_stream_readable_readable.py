"""Port of test/parallel/test-stream-readable-readable.js (Node v20).

readable turns False on destroy(), only at 'end' (not at push(None)), and at
once on destroy(err).
"""

from __future__ import annotations

from typing import Any

from pynet import process, run
from pynet.stream import Readable


def test_destroy(checker: Any) -> None:
    r = Readable(read=lambda *a: None)
    assert r.readable is True
    r.destroy()
    assert r.readable is False
    run()


def test_end(checker: Any) -> None:
    must_not_call = checker.must_not_call()
    r = Readable(read=lambda *a: None)
    assert r.readable is True
    r.on("end", must_not_call)
    r.resume()
    r.push(None)
    assert r.readable is True
    r.off("end", must_not_call)

    def on_end() -> None:
        assert r.readable is False
    r.on("end", checker.must_call(on_end))
    run()


def test_destroy_with_error(checker: Any) -> None:
    r: Readable

    def read(*args: Any) -> None:
        def later() -> None:
            r.destroy(Exception())
            assert r.readable is False
        process.nextTick(later)
    r = Readable(read=checker.must_call(read))
    r.resume()

    def on_error(*args: Any) -> None:
        assert r.readable is False
    r.on("error", checker.must_call(on_error))
    run()
