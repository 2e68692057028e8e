"""Port of test/parallel/test-util-inherits.js (Node v20).

util.inherits: one and two levels of inheritance, ``super_``, the constructor
of instances, and ``ERR_INVALID_ARG_TYPE`` for a bad ``ctor`` or ``superCtor``.
Python classes stand for the constructor functions (``A.prototype.a`` is a
method of ``A``).
"""

from __future__ import annotations

import pytest

from pynet import errors, util


class A:
    def __init__(self) -> None:
        self._a = "a"

    def a(self) -> str:
        return self._a


class B:
    def __init__(self, value: str) -> None:
        A.__init__(self)  # type: ignore[arg-type]
        self._b = value

    def b(self) -> str:
        return self._b


class C:
    def __init__(self) -> None:
        B.__init__(self, "b")  # type: ignore[arg-type]
        self._c = "c"

    def c(self) -> str:
        return self._c

    def getValue(self) -> str:
        return self.a() + self.b() + self.c()  # type: ignore[attr-defined]


def test_inherits() -> None:
    util.inherits(B, A)
    assert B.super_ is A  # type: ignore[attr-defined]
    b = B("b")
    assert b.a() == "a"  # type: ignore[attr-defined]
    assert b.b() == "b"
    assert type(b) is B
    util.inherits(C, B)
    assert C.super_ is B  # type: ignore[attr-defined]
    c = C()
    assert c.getValue() == "abc"
    assert type(c) is C
    # Python cannot rebase a class derived from object alone: methods are copied.
    assert not isinstance(c, A)


def test_inherits_rebases_where_python_can() -> None:
    class Base:
        def hello(self) -> str:
            return "hi"

    class Middle:
        pass

    class Derived(Middle):
        pass

    util.inherits(Derived, Base)
    assert Derived.super_ is Base  # type: ignore[attr-defined]
    assert isinstance(Derived(), Base) and Derived().hello() == "hi"  # type: ignore[attr-defined]


def test_invalid_arguments() -> None:
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
        util.inherits(A, {})
    assert str(info.value) == ('The "superCtor.prototype" property must be of type object. '
                               "Received undefined")
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
        util.inherits(A, None)
    assert str(info.value) == 'The "superCtor" argument must be of type function. Received null'
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
        util.inherits(None, A)
    assert str(info.value) == 'The "ctor" argument must be of type function. Received null'
    with pytest.raises(TypeError):
        util.inherits(A, None)
