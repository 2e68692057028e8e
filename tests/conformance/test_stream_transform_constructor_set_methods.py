"""Port of test/parallel/test-stream-transform-constructor-set-methods.js (Node v20).

A Transform without _transform raises ERR_METHOD_NOT_IMPLEMENTED on end(data);
the transform, flush and final options are called (the JS identity checks
``t2._transform === _transform`` become "the option is what runs").
"""

from __future__ import annotations

from typing import Any

import pytest

from pynet import run
from pynet.stream import Transform


def test_not_implemented() -> None:
    t = Transform()
    with pytest.raises(Exception) as info:
        t.end(b"blerg")
    assert getattr(info.value, "code", None) == "ERR_METHOD_NOT_IMPLEMENTED"
    assert str(info.value) == "The _transform() method is not implemented"
    run()


def test_methods_from_options(checker: Any) -> None:
    t2 = Transform(transform=checker.must_call(lambda chunk, _, next_: next_()),
                   flush=checker.must_call(lambda next_: next_()),
                   final=checker.must_call(lambda next_: next_()))
    t2.end(b"blerg")
    t2.resume()
    run()
