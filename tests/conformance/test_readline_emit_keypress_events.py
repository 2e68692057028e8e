"""Port of test/parallel/test-readline-emit-keypress-events.js (Node v20).

``readline.emitKeypressEvents(stream)`` called explicitly on a PassThrough:
writing ``'foo'`` emits three ``'keypress'`` events, each with the character
and Node's key object (``sequence``, ``name``, ``ctrl``, ``meta``, ``shift``).
"""

from __future__ import annotations

from typing import Any

from pynet import readline, run, stream


def test_explicit_emit_keypress_events() -> None:
    pt = stream.PassThrough()
    sequence: list[Any] = []
    keys: list[Any] = []
    readline.emitKeypressEvents(pt)

    def on_keypress(s: Any, k: Any) -> None:
        sequence.append(s)
        keys.append(k)

    pt.on("keypress", on_keypress)
    pt.write("foo")
    run()
    assert sequence == ["f", "o", "o"]
    assert keys == [
        {"sequence": "f", "name": "f", "ctrl": False, "meta": False, "shift": False},
        {"sequence": "o", "name": "o", "ctrl": False, "meta": False, "shift": False},
        {"sequence": "o", "name": "o", "ctrl": False, "meta": False, "shift": False},
    ]
    # The key objects are Node's plain objects: attributes too.
    assert keys[0].name == "f" and keys[0]["sequence"] == "f"
