"""Port of test/parallel/test-readline-interface-escapecodetimeout.js (Node v20).

The ``escapeCodeTimeout`` option sets :attr:`Interface.escapeCodeTimeout`;
a value that is not a finite number (``{}``, NaN, ``'50'``) raises
``ERR_INVALID_ARG_VALUE`` (a TypeError).  Node's ``null`` case is Python's
``None``, which is "not given" here (mapping §3), so it keeps the default.
"""

from __future__ import annotations

import math
from typing import Any

import pytest

from pynet import errors, readline
from pynet.events import EventEmitter
from tests.conformance.common import assert_node_error


class FakeInput(EventEmitter):
    def resume(self) -> None:
        pass

    def pause(self) -> None:
        pass

    def write(self, data: Any = None) -> None:
        pass

    def end(self) -> None:
        pass


def test_escape_code_timeout_is_set() -> None:
    fi = FakeInput()
    rli = readline.Interface({"input": fi, "output": fi, "escapeCodeTimeout": 50})
    assert rli.escapeCodeTimeout == 50
    rli.close()


@pytest.mark.parametrize("invalid", [{}, math.nan, "50", math.inf])
def test_invalid_escape_code_timeout(invalid: Any) -> None:
    fi = FakeInput()
    with pytest.raises(errors.NodeError) as info:
        readline.Interface({"input": fi, "output": fi, "escapeCodeTimeout": invalid})
    assert_node_error(info.value, "ERR_INVALID_ARG_VALUE", "TypeError")
    # Node names the default it keeps, not the value given.
    assert "'input.escapeCodeTimeout' is invalid. Received 500" in str(info.value)


def test_none_keeps_the_default() -> None:
    fi = FakeInput()
    rli = readline.Interface({"input": fi, "output": fi, "escapeCodeTimeout": None})
    assert rli.escapeCodeTimeout == 500
    rli.close()
