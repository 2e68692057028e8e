"""Port of test/parallel/test-readline-set-raw-mode.js (Node v20).

A terminal-mode interface calls its input's ``setRawMode(True)`` when made
(and resumes the input), neither ``pause()`` nor ``resume()`` touches raw
mode, and ``close()`` calls ``setRawMode(False)`` and pauses the input; after
close no ``'keypress'`` listener is left and one ``'data'`` listener (the
keypress decoder, waiting for a new ``'keypress'`` listener) remains.
Node's legacy ``new Stream()`` is an EventEmitter here.
"""

from __future__ import annotations

from typing import Any

from pynet import readline
from pynet.events import EventEmitter


def test_set_raw_mode() -> None:
    calls: dict[str, Any] = {"raw": False, "resume": False, "pause": False, "expected": True}

    class RawStream(EventEmitter):
        def setRawMode(self, mode: bool) -> None:
            calls["raw"] = True
            assert mode == calls["expected"]

        def resume(self) -> None:
            calls["resume"] = True

        def pause(self) -> None:
            calls["pause"] = True

        def write(self, data: Any = None) -> None:
            pass

    s = RawStream()

    def reset() -> None:
        calls.update(raw=False, resume=False, pause=False)

    rli = readline.createInterface({"input": s, "output": s, "terminal": True})
    assert rli.terminal
    assert calls["raw"] and calls["resume"] and not calls["pause"]

    reset()
    rli.pause()
    assert not calls["raw"] and not calls["resume"] and calls["pause"]

    reset()
    rli.resume()
    assert not calls["raw"] and calls["resume"] and not calls["pause"]

    calls["expected"] = False
    reset()
    rli.close()
    assert calls["raw"] and not calls["resume"] and calls["pause"]

    assert s.listeners("keypress") == []
    # one data listener for the keypress events
    assert len(s.listeners("data")) == 1
