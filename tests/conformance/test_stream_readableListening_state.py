"""Port of test/parallel/test-stream-readableListening-state.js (Node v20).

readableListening is True with a 'readable' listener and False with only
'data'.
"""

from __future__ import annotations

from typing import Any

from pynet import run
from pynet.stream import Readable


def test_readable_listening_state(checker: Any) -> None:
    r = Readable(read=lambda: None)
    assert r._r_readable_listening is False

    def on_readable() -> None:
        assert r._r_readable_listening is True
    r.on("readable", checker.must_call(on_readable))
    r.push(b"Testing readableListening state")

    r2 = Readable(read=lambda: None)
    assert r2._r_readable_listening is False

    def on_data(chunk: Any) -> None:
        assert r2._r_readable_listening is False
    r2.on("data", checker.must_call(on_data))
    r2.push(b"Testing readableListening state")
    run()
