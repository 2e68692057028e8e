"""Port of test/parallel/test-util-types.js (Node v20): the values Python has.

Each value matches its own util.types check and no other one (the checks on
Buffers aside, as in Node, where the ``*Array*`` checks of an
ArrayBufferView are skipped): an Error, an async function, a generator
function, a Promise, a Set; a Buffer is a Uint8Array, an ArrayBufferView and
a TypedArray.

Not portable: external values, Date, arguments objects, boxed primitives,
RegExp, generator objects, Map/WeakMap/WeakSet and their iterators,
ArrayBuffer, typed arrays other than Uint8Array, DataView,
SharedArrayBuffer, Proxy, vm modules and contexts, KeyObject/CryptoKey — and
the checks pynet does not have for them.
"""

from __future__ import annotations

from typing import Any

import pytest

from pynet import Promise, util


async def async_fn() -> None:
    pass


def generator_fn() -> Any:
    yield 1


def check_names() -> list[str]:
    return [name for name in dir(util.types) if name.startswith("is")]


@pytest.mark.parametrize(("value", "method"), [
    (Exception(), "isNativeError"),
    (async_fn, "isAsyncFunction"),
    (generator_fn, "isGeneratorFunction"),
    (Promise.resolve(None), "isPromise"),
    ({1}, "isSet"),
])
def test_each_value_matches_its_check_only(value: Any, method: str) -> None:
    assert method in check_names()
    assert getattr(util.types, method)(value)
    for key in check_names():
        assert getattr(util.types, key)(value) is (key == method), key


def test_buffers() -> None:
    buffer = b"\x00"
    for key in check_names():
        if "Array" in key:  # Node skips these for an ArrayBufferView
            continue
        assert getattr(util.types, key)(buffer) is False, key
    assert util.types.isUint8Array(buffer)
    assert util.types.isArrayBufferView(buffer)
    assert util.types.isTypedArray(buffer)
    assert not util.types.isUint8Array({"Symbol.toStringTag": "Uint8Array"})
