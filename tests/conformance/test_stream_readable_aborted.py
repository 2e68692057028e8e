"""Port of test/parallel/test-stream-readable-aborted.js (Node v20).

readableAborted: True once destroyed before 'end', False after 'end' (even
when destroyed then) and for a Duplex that was never readable.
"""

from __future__ import annotations

from typing import Any

from pynet import nextTick, run
from pynet.stream import Duplex, Readable


def idle() -> Readable:
    return Readable(read=lambda: None)


def test_destroyed_is_aborted() -> None:
    readable = idle()
    assert readable.readableAborted is False
    readable.destroy()
    assert readable.readableAborted is True
    run()


def test_destroyed_after_eof_push_is_aborted() -> None:
    readable = idle()
    readable.push(None)
    readable.destroy()
    assert readable.readableAborted is True
    run()


def test_destroyed_with_data_is_aborted() -> None:
    readable = idle()
    readable.push("asd")
    readable.destroy()
    assert readable.readableAborted is True
    run()


def test_ended_is_not_aborted(checker: Any) -> None:
    readable = idle()
    readable.push("asd")
    readable.push(None)
    assert readable.readableAborted is False

    def on_end() -> None:
        assert readable.readableAborted is False
        readable.destroy()
        assert readable.readableAborted is False
        # Node checks again in a microtask; pynet has none yet, the next tick is as late.
        nextTick(lambda: _false(readable.readableAborted))
    readable.on("end", checker.must_call(on_end))
    readable.resume()
    run()


def test_never_readable_duplex_is_not_aborted() -> None:
    duplex = Duplex(readable=False, write=lambda: None)
    duplex.destroy()
    assert duplex.readableAborted is False
    run()


def _false(value: Any) -> None:
    assert value is False
