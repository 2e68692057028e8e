"""Port of test/parallel/test-stream-writable-write-error.js (Node v20).

write() after end() fails through the callback (after the tick) and then
'error'; write(None), a chunk of a bad type and an unknown encoding raise
synchronously; with or without autoDestroy.
"""

from __future__ import annotations

from typing import Any

import pytest

from pynet import run
from pynet.stream import Writable


def make(auto_destroy: bool, **options: Any) -> Writable:
    # Node's test passes `_write` as an option key, which Writable ignores.
    return Writable({"autoDestroy": auto_destroy, "_write": lambda: None, **options})


@pytest.mark.parametrize("auto_destroy", [False, True])
def test_write_after_end(checker: Any, auto_destroy: bool) -> None:
    w = make(auto_destroy)
    w.end()
    state = {"error_called": False, "ticked": False}

    def cb(err: Any) -> None:
        assert state["ticked"] is True
        assert state["error_called"] is False
        assert err.code == "ERR_STREAM_WRITE_AFTER_END"
    w.write("asd", checker.must_call(cb))
    state["ticked"] = True

    def on_error(err: Any) -> None:
        state["error_called"] = True
        assert err.code == "ERR_STREAM_WRITE_AFTER_END"
    w.on("error", checker.must_call(on_error))
    run()


@pytest.mark.parametrize("auto_destroy", [False, True])
def test_destroy(auto_destroy: bool) -> None:
    make(auto_destroy).destroy()
    run()


@pytest.mark.parametrize("auto_destroy", [False, True])
@pytest.mark.parametrize(("args", "options", "code"), [
    ([None], {}, "ERR_STREAM_NULL_VALUES"),
    ([{}], {}, "ERR_INVALID_ARG_TYPE"),
    (["asd", "noencoding"], {"decodeStrings": False}, "ERR_UNKNOWN_ENCODING"),
])
def test_sync_errors(auto_destroy: bool, args: list[Any], options: dict[str, Any],
                     code: str) -> None:
    w = make(auto_destroy, **options)
    with pytest.raises(Exception) as info:
        w.write(*args)
    assert getattr(info.value, "code", None) == code
    run()
