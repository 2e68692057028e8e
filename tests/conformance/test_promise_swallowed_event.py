"""Port of test/parallel/test-promise-swallowed-event.js (Node v20).

Resolving or rejecting a promise that is already resolved emits the
deprecated ``'multipleResolves'`` event (``type``, the promise, the value), on
the next tick, while someone listens.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pynet import Promise, process, run
from pynet._core.promise import outcome
from tests.helpers import CallChecker

RESOLVE_MESSAGE = "First call"


def test_swallowed_event(rejections: Callable[[str], None], checker: CallChecker) -> None:
    swallowed_resolve = "Swallowed resolve"
    rejection = Exception("Swallowed reject")
    expected: list[Any] = ["resolve", swallowed_resolve, "reject", rejection]

    def handler(kind: str, p: Promise[Any], reason: Any) -> None:
        assert kind == expected.pop(0)
        assert outcome(p) == (True, RESOLVE_MESSAGE)  # deepStrictEqual(p, Promise.resolve(msg))
        assert reason is expected.pop(0)

    process.on("multipleResolves", checker.must_call(handler, 2))
    def on_warning(warning: Any) -> None:
        assert (warning.name, warning.code) == ("DeprecationWarning", "DEP0160")

    process.on("warning", checker.must_call(on_warning))

    def executor(resolve: Any, reject: Any) -> None:
        resolve(RESOLVE_MESSAGE)
        resolve(swallowed_resolve)
        reject(rejection)

    Promise(executor)
    run()
    assert expected == []


def test_no_listener_no_event(rejections: Callable[[str], None], checker: CallChecker) -> None:
    # Node only reports while someone listens (hasMultipleResolvesListener).
    process.on("warning", checker.must_not_call("warning"))
    Promise(lambda resolve, reject: (resolve(1), reject(Exception())))
    run()
