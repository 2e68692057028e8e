"""Port of test/parallel/test-util-log.js (Node v20).

util.log(value) writes ``<day> <Mon> <hh:mm:ss> - <formatted value>`` and a
newline to stdout, once per call, nothing to stderr.  Node's ``undefined`` row
has no Python value of its own (``None`` is the ``null`` row).
"""

from __future__ import annotations

import math
import re

import pytest

from pynet import util
from tests.conformance._hijackstdio import hijack
from tests.helpers import CallChecker


def input_fn() -> None:
    pass


def test_log(monkeypatch: pytest.MonkeyPatch, checker: CallChecker) -> None:
    strings: list[str] = []
    stdout = hijack(monkeypatch, "stdout", strings.append)
    hijack(monkeypatch, "stderr", checker.must_not_call("stderr.write must not be called"))
    tests = [
        ("foo", "foo"), (None, "null"), (False, "false"), (42, "42"),
        (input_fn, "[Function: input_fn]"), (math.nan, "NaN"),
        ({"answer": 42}, "{ answer: 42 }"), ([1, 2, 3], "[ 1, 2, 3 ]"),
    ]
    pattern = re.compile(r"[0-9]{1,2} [A-Z][a-z]{2} [0-9]{2}:[0-9]{2}:[0-9]{2} - (.+)$")
    for value, output in tests:
        util.log(value)
        match = pattern.search(strings.pop(0).strip())
        assert match is not None
        assert match.group(1) == output
    assert stdout.writeTimes == len(tests)
