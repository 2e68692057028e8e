"""Port of test/parallel/test-stream-writableState-ending.js (Node v20).

end() sets ending and ended at once, finished only at 'finish'; end()
returns the stream.
"""

from __future__ import annotations

from typing import Any

from pynet import run
from pynet.stream import Writable


def test_ending_state(checker: Any) -> None:
    writable = Writable()

    def test_states(ending: bool, finished: bool, ended: bool) -> None:
        assert writable._w_ending is ending
        assert writable._w_finished is finished
        assert writable._w_ended is ended

    def _write(chunk: Any, encoding: Any, cb: Any) -> None:
        test_states(False, False, False)
        cb()
    writable._write = _write  # type: ignore[method-assign]
    writable.on("finish", checker.must_call(lambda: test_states(True, True, True)))
    result = writable.end("testing function end()",
                          checker.must_call(lambda *a: test_states(True, True, True)))
    assert result is writable
    test_states(True, False, True)
    run()
