"""Port of test/parallel/test-stream-readable-reading-readingMore.js (Node v20).

The ``reading`` and ``readingMore`` state flags (Node's ``_readableState``,
pynet's ``_r_reading``/``_r_reading_more``) with a 'readable' listener,
without one, and with one removed before flowing.
"""

from __future__ import annotations

from typing import Any

from pynet import nextTick, run
from pynet.stream import Readable


def end_check(readable: Readable) -> Any:
    def on_stream_end() -> None:
        assert readable._r_reading_more is False
        assert readable._r_reading is False
    return on_stream_end


def test_with_readable_listener(checker: Any) -> None:
    readable = Readable(read=lambda size: None)
    assert readable._r_reading is False
    assert readable._r_reading_more is False

    def on_data(data: Any) -> None:
        if readable.readableFlowing:
            assert readable._r_reading_more is True
        assert readable._r_reading is (not readable._r_ended)
    readable.on("data", checker.must_call(on_data, 2))
    expected_reading_more = [True, True, False]

    def on_readable() -> None:
        # One readingMore scheduled from on('data'); then read() governs.
        assert readable._r_reading_more is expected_reading_more.pop(0)
        assert readable._r_ended is (not readable._r_reading)
        while readable.read() is not None:
            pass
        if not expected_reading_more:
            nextTick(checker.must_call(end_check(readable)))
    readable.on("readable", checker.must_call(on_readable, 3))
    readable.on("end", checker.must_call(end_check(readable)))
    readable.push("pushed")
    readable.read(6)
    assert readable._r_reading is True
    assert readable._r_reading_more is True
    readable.unshift("unshifted")
    readable.push(None)
    run()


def test_without_readable_listener(checker: Any) -> None:
    readable = Readable(read=lambda size: None)
    assert readable._r_reading is False
    assert readable._r_reading_more is False

    def on_data(data: Any) -> None:
        if readable.readableFlowing:
            assert readable._r_reading_more is True
        assert readable._r_reading is (not readable._r_ended)
    readable.on("data", checker.must_call(on_data, 2))
    readable.on("end", checker.must_call(end_check(readable)))
    readable.push("pushed")
    assert readable._r_flowing is True
    readable.pause()
    assert readable._r_reading is False
    assert readable._r_flowing is False
    readable.resume()
    assert readable._r_reading is False
    assert readable._r_flowing is True
    readable.unshift("unshifted")
    readable.push(None)
    run()


def test_readable_listener_removed(checker: Any) -> None:
    readable = Readable(read=lambda size: None)
    assert readable._r_reading is False
    assert readable._r_reading_more is False
    on_readable = checker.must_not_call()
    readable.on("readable", on_readable)

    def on_data(data: Any) -> None:
        assert readable._r_reading is (not readable._r_ended)
    readable.on("data", checker.must_call(on_data, 2))
    readable.removeListener("readable", on_readable)
    readable.on("end", checker.must_call(end_check(readable)))
    readable.push("pushed")
    # Not flowing yet: it resumes on the next tick.
    assert readable._r_flowing is False

    def later() -> None:
        readable.resume()
        assert readable._r_flowing is True
        readable.pause()
        assert readable._r_flowing is False
        readable.resume()
        assert readable._r_flowing is True
        readable.unshift("unshifted")
        readable.push(None)
    # Wait for the next tick, so the readableListening flag resets.
    nextTick(later)
    run()
