"""Port of test/parallel/test-dgram-multicast-setTTL.js (Node v20).

setMulticastTTL returns its argument; 1000 is 'setMulticastTTL EINVAL'; a
string is ERR_INVALID_ARG_TYPE.
"""

from __future__ import annotations

import pytest

from pynet import dgram, errors, run


def test_multicast_set_ttl(checker) -> None:
    socket = dgram.createSocket("udp4")
    socket.bind(0)

    def on_listening() -> None:
        assert socket.setMulticastTTL(16) == 16
        with pytest.raises(OSError, match=r"^setMulticastTTL EINVAL$"):
            socket.setMulticastTTL(1000)
        with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
            socket.setMulticastTTL("foo")
        assert info.value.message == ('The "ttl" argument must be of type number. '
                                      "Received type string ('foo')")
        socket.close()

    socket.on("listening", checker.must_call(on_listening))
    run()
