"""Port of test/parallel/test-dgram-sendto.js (Node v20).

sendto() checks offset, length, port and address types, in that order.
"""

from __future__ import annotations

import pytest

from pynet import dgram, errors


def test_sendto() -> None:
    socket = dgram.createSocket("udp4")
    cases = [
        ((), 'The "offset" argument must be of type number. Received undefined'),
        (("buffer", 1, "offset", "port", "address", "cb"),
         "The \"length\" argument must be of type number. Received type string ('offset')"),
        (("buffer", "offset", 1, "port", "address", "cb"),
         "The \"offset\" argument must be of type number. Received type string ('offset')"),
        (("buffer", 1, 1, 10, False, "cb"),
         'The "address" argument must be of type string. Received type boolean (false)'),
        (("buffer", 1, 1, False, "address", "cb"),
         'The "port" argument must be of type number. Received type boolean (false)'),
    ]
    for args, message in cases:
        with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
            socket.sendto(*args)
        assert info.value.message == message
        assert isinstance(info.value, TypeError)
