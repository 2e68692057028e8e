"""Port of test/parallel/test-util-promisify.js (Node v20).

util.promisify: a function carrying a custom promise form
(``promisify.custom``, the ``__promisify__`` attribute) gets that form, also
through a second promisify; a custom form that is not a function is
ERR_INVALID_ARG_TYPE; the promise resolves with the callback's first value
(``None`` when there is none), rejects with its error, and with an exception
the original raises; a second callback call is ignored; promisify of a
promisified function is that function; a non-function is ERR_INVALID_ARG_TYPE
with Node's message.

Not portable: ``fs.stat`` (pynet.fs.stat is tested with fs), ``vm`` contexts,
``customPromisifyArgs`` (--expose-internals), ``Symbol.for`` (the custom
name is a string: ``promisify.custom``), ``this``, the Symbol input, and the
DEP0174 warning (not emitted by Node v20).
"""

from __future__ import annotations

from typing import Any

import pytest

import pynet
from pynet import Promise, errors, util
from tests.helpers import CallChecker


def test_custom_forms() -> None:
    def fn() -> None:
        pass

    def promisified_fn() -> None:
        pass

    setattr(fn, util.promisify.custom, promisified_fn)
    assert util.promisify.custom == "__promisify__"
    assert util.promisify(fn) is promisified_fn
    assert util.promisify(util.promisify(fn)) is promisified_fn


def test_custom_form_must_be_a_function() -> None:
    def fn() -> None:
        pass

    setattr(fn, util.promisify.custom, 42)
    with pytest.raises(TypeError) as info:
        util.promisify(fn)
    assert isinstance(info.value, errors.ERR_INVALID_ARG_TYPE)


def test_values(checker: CallChecker) -> None:
    def first_of_two(callback: Any) -> None:
        callback(None, "foo", "bar")

    def err_only(callback: Any) -> None:
        callback(None)

    def nothing(callback: Any) -> None:
        callback()

    def pass_through(err: Any, val: Any, callback: Any) -> None:
        callback(err, val)

    def is_value(expected: Any) -> Any:
        def check(value: Any) -> None:
            assert value == expected
        return checker.must_call(check)

    util.promisify(first_of_two)().then(is_value("foo"))
    util.promisify(err_only)().then(is_value(None))
    util.promisify(nothing)().then(is_value(None))
    util.promisify(pass_through)(None, 42).then(is_value(42))

    def oops(err: Any) -> None:
        assert str(err) == "oops"

    util.promisify(pass_through)(Exception("oops"), None).catch(checker.must_call(oops))

    async def awaiting() -> None:
        value = await util.promisify(pass_through)(None, 42)
        assert value == 42

    pynet.Promise.resolve(None).then(lambda _: awaiting()).then(checker.must_call())
    pynet.run()


def test_second_callback_is_ignored(checker: CallChecker) -> None:
    err = Exception("Should not have called the callback with the error.")

    def fn(cb: Any) -> None:
        cb(None)
        cb(err)

    promisified = util.promisify(fn)

    async def main() -> None:
        await promisified()
        await Promise.resolve(None)

    Promise.resolve(None).then(lambda _: main()).then(checker.must_call())
    pynet.run()


def test_promisify_of_promisified_is_itself() -> None:
    def c() -> None:
        pass

    a = util.promisify(lambda: None)
    b = util.promisify(a)
    assert c is not a
    assert a is b


def test_exceptions_reject(checker: CallChecker) -> None:
    err_to_throw: list[Exception] = []

    def thrower(a: Any, b: Any, c: Any, cb: Any) -> None:
        err_to_throw.append(Exception())
        raise err_to_throw[0]

    def rejected(e: Any) -> None:
        assert e is err_to_throw[0]

    util.promisify(thrower)(1, 2, 3).then(checker.must_not_call(), checker.must_call(rejected))

    err = Exception()

    def is_err(e: Any) -> None:
        assert e is err

    def raise_err() -> None:
        raise err

    a = util.promisify(lambda cb: cb(err))()
    b = util.promisify(raise_err)()
    Promise.all([a.then(checker.must_not_call(), checker.must_call(is_err)),
                 b.then(checker.must_not_call(), checker.must_call(is_err))])
    pynet.run()


@pytest.mark.parametrize(("value", "received"), [
    (None, "Received null"), (True, "Received type boolean (true)"),
    (0, "Received type number (0)"), ("str", "Received type string ('str')"),
    ({}, "Received an instance of Object"), ([], "Received an instance of Array"),
])
def test_original_must_be_a_function(value: Any, received: str) -> None:
    with pytest.raises(TypeError) as info:
        util.promisify(value)
    assert isinstance(info.value, errors.ERR_INVALID_ARG_TYPE)
    assert str(info.value) == f'The "original" argument must be of type function. {received}'
