"""Port of test/parallel/test-console-stdio-setters.js (Node v20).

Replacing the global console's ``_stdout`` and ``_stderr`` (Node's own way to
redirect it, kept for compatibility) sends console.log and console.error to
the new streams.  The global console object is ``pynet.console.globalConsole``;
the module's functions are its methods.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

import pynet
from pynet import console, stream
from tests.helpers import CallChecker


@pytest.fixture
def restore() -> Iterator[None]:
    saved = console.globalConsole._stdout, console.globalConsole._stderr
    yield
    console.globalConsole._stdout, console.globalConsole._stderr = saved


def test_stdio_setters(checker: CallChecker, restore: None) -> None:
    def write(chunk: Any, encoding: Any, cb: Any) -> None:
        cb()

    stream_to_nowhere = stream.Writable({"write": checker.must_call(write)})
    another_stream_to_nowhere = stream.Writable({"write": checker.must_call(write)})
    console.globalConsole._stdout = stream_to_nowhere
    console.globalConsole._stderr = another_stream_to_nowhere
    console.log("fhqwhgads")
    console.error("fhqwhgads")
    pynet.run()
