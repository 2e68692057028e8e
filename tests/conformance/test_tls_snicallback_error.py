"""Port of test/parallel/test-tls-snicallback-error.js (Node v20).

An SNICallback that is not a function is ERR_INVALID_ARG_TYPE at createServer.
"""

from __future__ import annotations

import pytest

from pynet import errors, tls


@pytest.mark.parametrize("value", ["fhqwhgads", 42, {}, []])
def test_snicallback_error(value):
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
        tls.createServer({"SNICallback": value})
    assert info.value.code == "ERR_INVALID_ARG_TYPE"
