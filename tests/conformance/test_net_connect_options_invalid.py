"""Port of test/parallel/test-net-connect-options-invalid.js (Node v20).

Object-mode options are refused with ERR_INVALID_ARG_VALUE; a list as host with ERR_INVALID_ARG_TYPE.
"""

from __future__ import annotations

import pytest

from pynet import errors, net, run


@pytest.mark.parametrize("invalid_key", ["objectMode", "readableObjectMode",
                                         "writableObjectMode"])
def test_object_mode_options(invalid_key) -> None:
    option = {"port": 8080, invalid_key: True}
    with pytest.raises(errors.ERR_INVALID_ARG_VALUE) as info:
        net.createConnection(option)
    assert info.value.code == "ERR_INVALID_ARG_VALUE"
    assert isinstance(info.value, TypeError)
    # Node v20's text (checked with the installed node).
    assert info.value.message == (
        f"The property 'options.{invalid_key}' is not supported. Received true")


def test_host_list() -> None:
    sockets = []
    try:
        with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
            sockets.append(net.createConnection({"host": ["192.168.0.1"], "port": 8080}))
    finally:
        for sock in sockets:  # Only if it did not raise: nothing may be left behind.
            sock.destroy()
        run()
    assert info.value.code == "ERR_INVALID_ARG_TYPE"
    assert isinstance(info.value, TypeError)
    # Node v20 aborts the process here (a failed CHECK in TCPWrap::Connect: the
    # array reads as an IP literal); pynet refuses it as Node 20's dns.lookup
    # refuses every other non-string host (checked with the installed node).
    assert info.value.message == (
        'The "hostname" argument must be of type string. Received an instance of Array')
