"""The scenario shared by the ports of test-promise-unhandled-{default,throw,error}.js:
an executor that throws ``err1`` and ``Promise.reject(None)`` reach
``'uncaughtException'`` (origin ``'unhandledRejection'``): ``err1`` itself,
then a new ``UnhandledPromiseRejection`` (``ERR_UNHANDLED_REJECTION``) for the
``null`` reason."""

from __future__ import annotations

from pynet import Promise, errors, process
from pynet.timers import clearTimeout, setTimeout
from tests.conformance._rejections import Countdown
from tests.helpers import CallChecker

MESSAGE = ("This error originated either by throwing inside of an async function without a "
           "catch block, or by rejecting a promise which was not handled with .catch(). The "
           'promise rejected with the reason "null".')


def start(checker: CallChecker) -> None:
    """Set up the scenario; the caller adds its own listeners and runs the loop."""
    err1 = Exception("One")

    def executor() -> None:
        raise err1

    ref = Promise(executor)
    Promise.reject(None)  # Explicitly reject `null`.
    process.on("warning", checker.must_not_call("warning"))
    process.on("rejectionHandled", checker.must_not_call("rejectionHandled"))
    timer = setTimeout(lambda: print(ref), 1000)
    counter = Countdown(2, lambda: clearTimeout(timer))
    identical = [True, False]

    def on_uncaught(err: BaseException, origin: str) -> None:
        counter.dec()
        assert origin == "unhandledRejection", err
        known = identical.pop(0)
        if known:
            assert err is err1
        else:
            assert isinstance(err, errors.ERR_UNHANDLED_REJECTION)
            assert err.code == "ERR_UNHANDLED_REJECTION"
            assert err.name == "UnhandledPromiseRejection"  # type: ignore[attr-defined]
            assert str(err) == MESSAGE

    process.on("uncaughtException", checker.must_call(on_uncaught, 2))
