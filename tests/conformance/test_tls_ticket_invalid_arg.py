"""Port of test/parallel/test-tls-ticket-invalid-arg.js (Node v20).

server.setTicketKeys validates its argument: a non-buffer is ERR_INVALID_ARG_TYPE naming
"buffer"; a buffer of the wrong size is Node v20's ERR_INTERNAL_ASSERTION (later Node
versions say ERR_INVALID_ARG_VALUE).  A valid 48-byte buffer then reaches the part
Python's ssl cannot do (ERR_FEATURE_UNAVAILABLE_ON_PLATFORM, see the porting guide).
"""

from __future__ import annotations

import pytest

from pynet import tls


def test_ticket_invalid_arg():
    server = tls.Server()
    for arg, received in [(None, "null"), (0, "type number (0)"), (1, "type number (1)"),
                          ({}, "an instance of Object"), ([], "an instance of Array"),
                          (True, "type boolean (true)"), (False, "type boolean (false)"),
                          ("", "type string ('')")]:
        with pytest.raises(TypeError) as info:
            server.setTicketKeys(arg)
        assert info.value.code == "ERR_INVALID_ARG_TYPE"
        assert str(info.value) == ('The "buffer" argument must be an instance of Buffer, '
                                   f"TypedArray, or DataView. Received {received}")
    for arg in [bytes(1), bytearray([1]), memoryview(bytes(2))]:
        with pytest.raises(Exception) as info:
            server.setTicketKeys(arg)
        assert info.value.code == "ERR_INTERNAL_ASSERTION"
        assert str(info.value).startswith("Session ticket keys must be a 48-byte buffer\n")
    with pytest.raises(TypeError) as info:
        server.setTicketKeys(bytes(48))
    assert info.value.code == "ERR_FEATURE_UNAVAILABLE_ON_PLATFORM"
