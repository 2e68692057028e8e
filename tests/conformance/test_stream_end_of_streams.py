"""Port of test/parallel/test-stream-end-of-streams.js (Node v20).

finished() rejects an object that is not a stream with ERR_INVALID_ARG_TYPE
and accepts a Duplex.
"""

from __future__ import annotations

import pytest

from pynet import run
from pynet.stream import Duplex, finished


def test_end_of_streams() -> None:
    with pytest.raises(Exception) as info:
        # Passing an empty object (a mock of an invalid stream) throws.
        finished({}, lambda *a: None)
    assert getattr(info.value, "code", None) == "ERR_INVALID_ARG_TYPE"

    stream_obj = Duplex()
    stream_obj.end()
    # A Duplex is a Stream: no error.
    finished(stream_obj, lambda *a: None)
    run()
