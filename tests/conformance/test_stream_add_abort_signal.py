"""Port of test/parallel/test-stream-add-abort-signal.js (Node v20).

addAbortSignal() validates its arguments: a signal that is not an AbortSignal
and a stream that is not a stream raise ERR_INVALID_ARG_TYPE.

Not ported: the TransformStream case (pynet has no web streams) and the
internal addAbortSignalNoValidate (an --expose-internals function).
"""

from __future__ import annotations

import pytest

from pynet.abort import AbortController
from pynet.stream import addAbortSignal


def test_add_abort_signal_validation() -> None:
    with pytest.raises(TypeError) as info:
        addAbortSignal("INVALID_SIGNAL")
    assert getattr(info.value, "code", None) == "ERR_INVALID_ARG_TYPE"
    ac = AbortController()
    with pytest.raises(TypeError) as info:
        addAbortSignal(ac.signal, "INVALID_STREAM")
    assert getattr(info.value, "code", None) == "ERR_INVALID_ARG_TYPE"
