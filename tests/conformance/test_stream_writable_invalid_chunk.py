"""Port of test/parallel/test-stream-writable-invalid-chunk.js (Node v20).

write() of a non-bytes, non-str chunk is ERR_INVALID_ARG_TYPE unless in object
mode; write(None) is ERR_STREAM_NULL_VALUES in both modes. Node v20 raises
these synchronously (and emits no 'error'), as pynet does.
"""

from __future__ import annotations

from typing import Any

import pytest

from pynet import errors, run
from pynet.stream import Writable

# JS's [], {}, 0, true, 0.0 and undefined; Python's None is both undefined and
# null (mapping §3), so undefined's row is null's: ERR_STREAM_NULL_VALUES.
VALUES: list[Any] = [[], {}, 0, True, 0.0]


def write_type(checker: Any, val: Any, object_mode: bool, code: str | None) -> None:
    writable = Writable(objectMode=object_mode, write=lambda *a: None)
    writable.on("error", checker.must_not_call())
    if code is None:
        writable.write(val)
    else:
        with pytest.raises(errors.NodeError) as info:
            writable.write(val)
        assert info.value.code == code
    writable.destroy()
    run()


@pytest.mark.parametrize("val", VALUES)
def test_not_object_mode(checker: Any, val: Any) -> None:
    write_type(checker, val, False, "ERR_INVALID_ARG_TYPE")


@pytest.mark.parametrize("val", VALUES)
def test_object_mode(checker: Any, val: Any) -> None:
    write_type(checker, val, True, None)


@pytest.mark.parametrize("object_mode", [False, True])
def test_null(checker: Any, object_mode: bool) -> None:
    write_type(checker, None, object_mode, "ERR_STREAM_NULL_VALUES")
