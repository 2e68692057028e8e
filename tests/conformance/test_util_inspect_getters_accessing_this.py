"""Port of test/parallel/test-util-inspect-getters-accessing-this.js (Node v20).

util.inspect with ``getters`` and ``showHidden`` lists a class's getters (Python
properties) after the instance's own properties, calling them on the
instance: a getter that reads the instance shows its value, and one that
returns an object already being inspected shows the circular reference
(Node's issue 37054).  The instance attribute the first getter reads is
``y_value`` here (Node's ``_y``: pynet does not list names starting with an
underscore).
"""

from __future__ import annotations

from typing import Any

from pynet.util import inspect


def test_getter_reading_the_instance() -> None:
    class X:
        def __init__(self) -> None:
            self.y_value = 123

        @property
        def y(self) -> int:
            return self.y_value

    assert inspect(X(), {"getters": True, "showHidden": True}) == \
        "X { y_value: 123, [y]: [Getter: 123] }"


def test_getters_returning_circular_objects() -> None:
    class A:
        def __init__(self, b: Any) -> None:
            self.B = b

        @property
        def b(self) -> Any:
            return self.B

    class B:
        def __init__(self) -> None:
            self.A = A(self)

        @property
        def a(self) -> Any:
            return self.A

    assert inspect(B(), {"depth": 1, "getters": True, "showHidden": True}) == (
        "<ref *1> B {\n"
        "  A: A { B: [Circular *1], [b]: [Getter] [Circular *1] },\n"
        "  [a]: [Getter] A { B: [Circular *1], [b]: [Getter] [Circular *1] }\n"
        "}")
