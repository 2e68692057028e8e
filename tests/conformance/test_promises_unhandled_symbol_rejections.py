"""Port of test/parallel/test-promises-unhandled-symbol-rejections.js (Node v20).

Mode ``warn``: a rejection with a value that has no string form of its own
(a ``Symbol()`` in Node; Python has no symbols, so an instance of a class
named ``Symbol``) is reported as two ``UnhandledPromiseRejectionWarning``s,
the value's side-effect-free text (``#<Symbol>`` here, V8's
``NoSideEffectsToString``) and the explanation with ``rejection id: 1``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pynet import Promise, process, run
from tests.helpers import CallChecker

EXPECTED_PROMISE_WARNING = (
    "Unhandled promise rejection. This error originated either by throwing inside of an "
    "async function without a catch block, or by rejecting a promise which was not handled "
    "with .catch(). To terminate the node process on unhandled promise rejection, use the "
    "CLI flag `--unhandled-rejections=strict` (see "
    "https://nodejs.org/api/cli.html#cli_unhandled_rejections_mode). (rejection id: 1)")


class Symbol:
    def __str__(self) -> str:
        raise TypeError("Cannot convert a Symbol value to a string")


def test_unhandled_symbol_rejections(rejections: Callable[[str], None],
                                     checker: CallChecker) -> None:
    rejections("warn")
    expected = ["#<Symbol>", EXPECTED_PROMISE_WARNING]

    def on_warning(warning: Any) -> None:  # common.expectWarning
        assert warning.name == "UnhandledPromiseRejectionWarning"
        assert warning.message == expected.pop(0)

    process.on("warning", checker.must_call(on_warning, 2))
    Promise.reject(Symbol())  # This does not crash.
    run()
    assert expected == []
