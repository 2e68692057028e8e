"""Port of test/parallel/test-tls-lookup.js (Node v20).

tls.connect() with a non-function ``lookup`` option throws ERR_INVALID_ARG_TYPE
(TypeError) synchronously; a function is accepted (and called).
"""

from __future__ import annotations

import pytest

from pynet import run, tls

from .common import assert_node_error


@pytest.mark.parametrize("value", ["foobar", 1, {}, []])
def test_lookup_not_a_function_throws(value):
    with pytest.raises(Exception) as info:
        tls.connect({"host": "localhost", "port": 42, "lookup": value})
    assert_node_error(info.value, "ERR_INVALID_ARG_TYPE", "TypeError")
    run()


def test_lookup_function_accepted(checker):
    # The lookup never calls back, as in Node; the pending connection is destroyed so
    # that the loop ends.
    client = tls.connect({"host": "localhost", "port": 42,
                          "lookup": checker.must_call(lambda *args: None)})
    client.destroy()
    run()
