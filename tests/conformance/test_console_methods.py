"""Port of test/parallel/test-console-methods.js (Node v20).

Every console method, on the global console and on a new Console, carries its
own name or the name of the method it aliases (``debug``/``info``/``dirxml``
are ``log``, ``error`` is ``warn``, ``groupCollapsed`` is ``group``).
``console.assert`` is ``assert_`` (a Python keyword: mapping §2).  Not
portable: ``new console.log()`` and ``Reflect.construct`` (Python functions
are not constructors).
"""

from __future__ import annotations

import pytest

from pynet import console
from pynet.console import Console
from tests.conformance._hijackstdio import Recorder

METHODS = ["log", "warn", "dir", "time", "timeEnd", "timeLog", "trace", "assert_", "clear",
           "count", "countReset", "group", "groupEnd", "table", "debug", "info", "dirxml",
           "error", "groupCollapsed"]

ALTERNATE_NAMES = {"debug": "log", "info": "log", "dirxml": "log", "error": "warn",
                   "groupCollapsed": "group"}


@pytest.mark.parametrize("method", METHODS)
def test_names(method: str) -> None:
    new_instance = Console(Recorder())
    for target in (console, console.globalConsole, new_instance):
        name = getattr(target, method).__name__
        assert name in (method, ALTERNATE_NAMES.get(method)), (target, method, name)
