"""Port of test/parallel/test-util-deprecate-invalid-code.js (Node v20).

util.deprecate(fn, msg, code) with a code that is not a string (1, true,
false, {}) is ERR_INVALID_ARG_TYPE with Node's message.  Node's ``null`` is
Python's ``None``, which means "no code" (mapping §3).
"""

from __future__ import annotations

from typing import Any

import pytest

from pynet import util
from tests.conformance.common import assert_node_error


@pytest.mark.parametrize(("not_string", "received"), [
    (1, "Received type number (1)"), (True, "Received type boolean (true)"),
    (False, "Received type boolean (false)"), ({}, "Received an instance of Object"),
])
def test_invalid_code(not_string: Any, received: str) -> None:
    with pytest.raises(TypeError) as info:
        util.deprecate(lambda: None, "message", not_string)
    assert_node_error(info.value, "ERR_INVALID_ARG_TYPE", "TypeError")
    assert str(info.value) == f'The "code" argument must be of type string. {received}'
