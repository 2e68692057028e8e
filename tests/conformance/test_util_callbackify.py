"""Port of test/parallel/test-util-callbackify.js (Node v20).

util.callbackify: the value an async function, a Promise factory or a
thenable factory resolves with reaches the callback as its second argument
(the very object); a rejection reason reaches it as the first, a falsy one
(JavaScript's falsiness: ``None``, ``False``, ``0``) wrapped in
ERR_FALSY_VALUE_REJECTION with ``.reason``; the arguments reach the original
function; the result is named ``<name>Callbackified``; an exception raised
by the callback is an uncaught exception (handled by an 'uncaughtException'
listener when there is one); a non-function original, or a last argument that
is not a function, is ERR_INVALID_ARG_TYPE with Node's message.

Not portable: ``this`` (mapping §5), the function ``length`` property and
redefined ``name``/``length`` descriptors, the Symbol value, the child
processes (the uncaught cases run in-process here: an uncaught exception
propagates out of ``pynet.run()``, Node's exit with an error), and the
``processTicksAndRejections`` stack frame.
"""

from __future__ import annotations

from typing import Any

import pytest

import pynet
from pynet import Promise, errors, process, util
from pynet._js.value import truthy
from tests.helpers import CallChecker


def ok() -> None:
    pass


VALUES: list[Any] = ["hello world", None, False, 0, {}, {"key": "value"}, ok,
                     ["array", "with", 4, "values"], Exception("boo")]


class Thenable:
    def __init__(self, value: Any, fulfil: bool) -> None:
        self.value = value
        self.fulfil = fulfil

    def then(self, on_res: Any, on_rej: Any) -> None:
        (on_res if self.fulfil else on_rej)(self.value)


def must_succeed(checker: CallChecker, value: Any) -> Any:
    def cb(err: Any, ret: Any = None) -> None:
        assert err is None
        assert ret is value
    return checker.must_call(cb)


def check_rejection(checker: CallChecker, value: Any) -> Any:
    def cb(err: Any, ret: Any = None) -> None:
        assert ret is None
        if not truthy(value):
            assert isinstance(err, errors.ERR_FALSY_VALUE_REJECTION)
            assert err.code == "ERR_FALSY_VALUE_REJECTION"
            assert err.reason is value  # type: ignore[attr-defined]
        else:
            assert err is value
    return checker.must_call(cb)


@pytest.mark.parametrize("value", VALUES)
def test_resolution_value_is_the_second_argument(checker: CallChecker, value: Any) -> None:
    async def async_fn() -> Any:
        return value

    util.callbackify(async_fn)(must_succeed(checker, value))
    util.callbackify(lambda: Promise.resolve(value))(must_succeed(checker, value))
    util.callbackify(lambda: Thenable(value, True))(must_succeed(checker, value))
    pynet.run()


@pytest.mark.parametrize("value", VALUES)
def test_rejection_reason_is_the_first_argument(checker: CallChecker, value: Any) -> None:
    async def async_fn() -> Any:
        return Promise.reject(value)

    cb_async_fn = util.callbackify(async_fn)
    assert cb_async_fn.__name__ == "async_fnCallbackified"
    cb_async_fn(check_rejection(checker, value))
    util.callbackify(lambda: Promise.reject(value))(check_rejection(checker, value))
    util.callbackify(lambda: Thenable(value, False))(check_rejection(checker, value))
    pynet.run()


@pytest.mark.parametrize("value", VALUES)
def test_arguments_reach_the_original(checker: CallChecker, value: Any) -> None:
    async def async_fn(arg: Any) -> Any:
        assert arg is value
        return arg

    def promise_fn(arg: Any) -> Any:
        assert arg is value
        return Promise.resolve(arg)

    util.callbackify(async_fn)(value, must_succeed(checker, value))
    util.callbackify(promise_fn)(value, must_succeed(checker, value))
    pynet.run()


def test_a_throwing_callback_is_an_uncaught_exception() -> None:
    sentinel = Exception("callbackify1")

    async def fn() -> Any:
        return await Promise.reject(sentinel)

    def callback(err: Any, ret: Any = None) -> None:
        if err:
            raise err

    util.callbackify(fn)(callback)
    with pytest.raises(Exception) as info:
        pynet.run()
    assert info.value is sentinel
    pynet.run()  # the loop stays consistent: the rest of its work runs


def test_uncaught_exception_listener_gets_the_reason(checker: CallChecker) -> None:
    sentinel = Exception("callbackify2")

    async def fn() -> Any:
        return await Promise.reject(sentinel)

    def callback(err: Any, ret: Any = None) -> None:
        if err:
            raise err

    def on_uncaught(err: Any) -> None:
        assert err is sentinel

    listener = checker.must_call(on_uncaught)
    process.on("uncaughtException", listener)
    try:
        util.callbackify(fn)(callback)
        pynet.run()
    finally:
        process.removeListener("uncaughtException", listener)


@pytest.mark.parametrize(("value", "received"), [
    ("foo", "Received type string ('foo')"), (None, "Received null"),
    (False, "Received type boolean (false)"), (0, "Received type number (0)"),
    ({}, "Received an instance of Object"), ([], "Received an instance of Array"),
])
def test_original_must_be_a_function(value: Any, received: str) -> None:
    with pytest.raises(TypeError) as info:
        util.callbackify(value)
    assert isinstance(info.value, errors.ERR_INVALID_ARG_TYPE)
    assert str(info.value) == f'The "original" argument must be of type function. {received}'


def test_last_argument_must_be_a_function() -> None:
    async def async_fn() -> int:
        return 42

    cb = util.callbackify(async_fn)
    args: list[Any] = []
    for value, received in [
        ("foo", "Received type string ('foo')"), (None, "Received null"),
        (False, "Received type boolean (false)"), (0, "Received type number (0)"),
        ({}, "Received an instance of Object"), ([], "Received an instance of Array"),
    ]:
        args.append(value)
        with pytest.raises(TypeError) as info:
            cb(*args)
        assert isinstance(info.value, errors.ERR_INVALID_ARG_TYPE)
        assert str(info.value) == f"The last argument must be of type function. {received}"


def test_falsy_rejection_error(checker: CallChecker) -> None:
    def promise_fn(value: Any) -> Any:
        return Promise.reject(value)

    def cb(err: Any) -> None:
        assert str(err) == "Promise was rejected with falsy value"
        assert err.code == "ERR_FALSY_VALUE_REJECTION"
        assert err.reason is None

    util.callbackify(promise_fn)(None, checker.must_call(cb))
    pynet.run()
