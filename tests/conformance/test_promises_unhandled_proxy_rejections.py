"""Port of test/parallel/test-promises-unhandled-proxy-rejections.js (Node v20).

Rejecting with an object every one of whose operations throws (Node's
``Proxy`` with throwing traps; here a class whose attribute access, ``str``,
``repr``, ``bool``, ``len`` and comparisons raise) does not crash the unhandled-
rejection machinery.  Mode ``none``, no warning.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NoReturn

from pynet import Promise, process, run
from tests.helpers import CallChecker


def throw_err(*args: Any) -> NoReturn:
    raise Exception("Error from proxy")


class Thorny:
    __getattr__ = throw_err
    __setattr__ = throw_err
    __delattr__ = throw_err
    __str__ = throw_err
    __repr__ = throw_err
    __bool__ = throw_err
    __len__ = throw_err
    __eq__ = throw_err
    __iter__ = throw_err
    __call__ = throw_err
    __hash__ = object.__hash__  # a promise's bookkeeping keys on it, as V8's on identity


def test_unhandled_proxy_rejections(rejections: Callable[[str], None],
                                    checker: CallChecker) -> None:
    rejections("none")
    process.on("warning", checker.must_not_call())
    Promise.reject(Thorny())  # This does not crash.
    run()


def test_unhandled_proxy_rejection_in_throw_mode(rejections: Callable[[str], None],
                                                 checker: CallChecker) -> None:
    # Not in the original: in Node 20's default mode the reason's text
    # ("#<Object>") does not touch the object either.
    def on_uncaught(err: BaseException) -> None:
        assert str(err).endswith('The promise rejected with the reason "#<Thorny>".')

    process.on("uncaughtException", checker.must_call(on_uncaught))
    Promise.reject(Thorny())
    run()
