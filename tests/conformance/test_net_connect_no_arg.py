"""Port of test/parallel/test-net-connect-no-arg.js (Node v20).

connect() with no port, path or options (net.connect and Socket.connect, bare or with {}) throws ERR_MISSING_ARGS.
"""

from __future__ import annotations

import pytest

from pynet import errors, net

MESSAGE = 'The "options" or "port" or "path" argument must be specified'


@pytest.mark.parametrize("call", [
    pytest.param(lambda: net.connect(), id="net.connect()"),
    pytest.param(lambda: net.Socket().connect(), id="Socket().connect()"),
    pytest.param(lambda: net.connect({}), id="net.connect({})"),
    pytest.param(lambda: net.Socket().connect({}), id="Socket().connect({})"),
])
def test_connect_without_arguments(call) -> None:
    with pytest.raises(errors.ERR_MISSING_ARGS) as info:
        call()
    assert info.value.code == "ERR_MISSING_ARGS"
    assert info.value.message == MESSAGE
    assert isinstance(info.value, TypeError)
