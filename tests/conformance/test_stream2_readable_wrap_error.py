"""Port of test/parallel/test-stream2-readable-wrap-error.js (Node v20).

An ``'error'`` of the old stream errors the wrapping Readable
(``errorOrDestroy``): with ``autoDestroy`` it is destroyed, without it is
not; either way ``'error'`` is emitted and ``errored`` is set (Node's test
reads ``_readableState.errorEmitted``/``errored``; here the listener having
run and the public ``errored`` say the same).
"""

from __future__ import annotations

from typing import Any

import pytest

from pynet import run
from pynet.events import EventEmitter
from pynet.stream import Readable


@pytest.mark.parametrize("auto_destroy", [True, False])
def test_wrap_error(checker: Any, auto_destroy: bool) -> None:
    old_stream = EventEmitter()
    old_stream.pause = lambda: None  # type: ignore[attr-defined]
    old_stream.resume = lambda: None  # type: ignore[attr-defined]
    err = Exception()

    def on_error(e: Any) -> None:
        assert e is err
        assert r.errored is err
        assert r.destroyed is auto_destroy
    r = Readable(autoDestroy=auto_destroy).wrap(old_stream).on(
        "error", checker.must_call(on_error))
    old_stream.emit("error", err)
    run()
