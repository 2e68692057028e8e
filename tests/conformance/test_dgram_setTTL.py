"""Port of test/parallel/test-dgram-setTTL.js (Node v20).

setTTL returns its argument; a string is ERR_INVALID_ARG_TYPE; 1000 is 'setTTL EINVAL'.
"""

from __future__ import annotations

import pytest

from pynet import dgram, errors, run


def test_set_ttl(checker) -> None:
    socket = dgram.createSocket("udp4")
    socket.bind(0)

    def on_listening() -> None:
        assert socket.setTTL(16) == 16
        with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
            socket.setTTL("foo")
        assert info.value.message == ('The "ttl" argument must be of type number. '
                                      "Received type string ('foo')")
        with pytest.raises(OSError, match=r"^setTTL EINVAL$"):
            socket.setTTL(1000)
        socket.close()

    socket.on("listening", checker.must_call(on_listening))
    run()
