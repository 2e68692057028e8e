"""Port of test/parallel/test-util-inspect-long-running.js (Node v20).

util.inspect of a huge, deeply nested and cyclic object with no depth limit
returns (Node: without exceeding the heap or the maximum string length).
Python's stack is shallower than V8's: where it ends, pynet prints Node's own
marker for that case (``[Object: Inspection interrupted prematurely. Maximum
call stack size exceeded.]``) instead of raising RecursionError.
"""

from __future__ import annotations

from typing import Any

from pynet import util


def test_huge_object() -> None:
    last: dict[Any, Any] = {}
    obj = last
    for i in range(1000):
        last["next"] = {"circular": obj, "last": last, "obj": {"a": 1, "b": 2, "c": True}}
        last = last["next"]
        obj[i] = last
    text = util.inspect(obj, depth=None)
    assert text.startswith("<ref *1> {\n  '0': <ref *2> {\n    circular: [Circular *1],")
