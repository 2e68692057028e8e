"""Port of test/parallel/test-console-count.js (Node v20).

console.count(label) prints ``label: n`` (``default`` when no label), labels
are coerced to strings (``{}`` is ``[object Object]``, ``None`` is ``null``),
countReset(label) restarts one counter only.  Not portable: the Symbol labels
(Python has no Symbol).
"""

from __future__ import annotations

import pytest

from pynet import console
from tests.conformance._hijackstdio import hijack


def test_count(monkeypatch: pytest.MonkeyPatch) -> None:
    out = hijack(monkeypatch, "stdout")

    def last() -> str:
        return out.writes[-1]

    console.count()
    assert last() == "default: 1\n"
    console.count("default")  # 'default' and no label are the same
    assert last() == "default: 2\n"
    console.count("a")
    assert last() == "a: 1\n"
    console.count("b")
    assert last() == "b: 1\n"
    console.count("a")
    assert last() == "a: 2\n"
    console.count()
    assert last() == "default: 3\n"
    console.count({})
    assert last() == "[object Object]: 1\n"
    console.count(1)
    assert last() == "1: 1\n"
    console.count(None)
    assert last() == "null: 1\n"
    console.count("null")
    assert last() == "null: 2\n"
    console.countReset()
    console.count()
    assert last() == "default: 1\n"
    console.countReset("a")
    console.count("a")
    assert last() == "a: 1\n"
    console.count()  # countReset('a') reset only 'a'
    assert last() == "default: 2\n"
    for label in ("default", "a", "b", "[object Object]", "1", "null"):
        console.countReset(label)  # the global console's counters outlive the test
