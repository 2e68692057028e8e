"""AddressInfo narrowing and the address properties, typed as Node documents them."""

from __future__ import annotations

from typing import assert_type

from pynet import net


def server_address(server: net.Server) -> int:
    addr = server.address()
    assert_type(addr, net.AddressInfo | str | None)
    assert isinstance(addr, net.AddressInfo)  # The documented narrowing (docs/api.md).
    assert_type(addr.port, int)
    assert_type(addr.address, str)
    assert_type(addr.family, str)
    return addr.port + 1


def either(server: net.Server) -> str:
    addr = server.address()
    if isinstance(addr, str):
        return addr  # A pipe server: its path.
    if addr is None:
        return "not listening"
    return f"{addr.address}:{addr.port}"


def socket_properties(sock: net.Socket) -> None:
    assert_type(sock.remoteAddress, str | None)
    assert_type(sock.remotePort, int | None)
    assert_type(sock.remoteFamily, str | None)
    assert_type(sock.localAddress, str | None)
    assert_type(sock.localPort, int | None)
    assert_type(sock.localFamily, str | None)
    assert_type(sock.bytesRead, int)
    assert_type(sock.readyState, str)
    addr = sock.address()
    if isinstance(addr, net.AddressInfo):
        assert_type(addr.port, int)
