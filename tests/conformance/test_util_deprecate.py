"""Port of test/parallel/test-util-deprecate.js (Node v20).

util.deprecate: a deprecated function warns once however often it is called;
two functions deprecated with the same message warn once each; functions
sharing a code warn once in all.  Each warning is a DeprecationWarning with
the message and the code (``None`` without one).
"""

from __future__ import annotations

from typing import Any

import pynet
from pynet import process, util


def test_deprecate() -> None:
    expected: dict[str, dict[str, Any]] = {}

    msg = "fhqwhgads"
    fn = util.deprecate(lambda: None, msg)
    expected[msg] = {"code": None, "count": 1}
    fn()
    fn()

    msg = "sterrance"
    fn1 = util.deprecate(lambda: None, msg)
    fn2 = util.deprecate(lambda: None, msg)
    expected[msg] = {"code": None, "count": 2}
    fn1()
    fn2()

    msg = "cannonmouth"
    code = "deprecatesque"
    fn1 = util.deprecate(lambda: None, msg, code)
    fn2 = util.deprecate(lambda: None, msg, code)
    expected[msg] = {"code": code, "count": 1}
    fn1()
    fn2()
    fn1()
    fn2()

    def on_warning(warning: Any) -> None:
        assert warning.name == "DeprecationWarning"
        assert warning.message in expected
        entry = expected[warning.message]
        assert getattr(warning, "code", None) == entry["code"]
        entry["count"] -= 1
        if entry["count"] == 0:
            del expected[warning.message]

    process.on("warning", on_warning)
    try:
        pynet.run()
    finally:
        process.removeListener("warning", on_warning)
    assert expected == {}


def test_the_function_is_called_with_its_arguments() -> None:
    fn = util.deprecate(lambda a, b: a + b, "adds", "DEP_TEST_ADD")
    assert fn(1, 2) == 3
    pynet.run()
