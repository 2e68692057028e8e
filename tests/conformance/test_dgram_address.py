"""Port of test/parallel/test-dgram-address.js (Node v20).

address() after binding 127.0.0.1 / ::1 gives the address, a port > 0 and the family;
address() on an unbound socket throws 'getsockname EBADF'.
"""

from __future__ import annotations

import pytest

from pynet import dgram, run


@pytest.mark.parametrize(("kind", "host", "family"),
                         [("udp4", "127.0.0.1", "IPv4"), ("udp6", "::1", "IPv6")])
def test_address(checker, kind: str, host: str, family: str) -> None:
    socket = dgram.createSocket(kind)

    def on_listening() -> None:
        address = socket.address()
        assert address.address == host
        assert isinstance(address.port, int)
        assert address.port > 0
        assert address.family == family
        socket.close()

    def on_error(err) -> None:
        socket.close()
        raise AssertionError(f"Unexpected error on {kind} socket. {err}")

    socket.on("listening", checker.must_call(on_listening))
    socket.on("error", on_error)
    socket.bind(0, host)
    run()


def test_address_unbound_throws() -> None:
    socket = dgram.createSocket("udp4")
    with pytest.raises(OSError, match=r"^getsockname EBADF$") as info:
        socket.address()
    assert info.value.code == "EBADF"
