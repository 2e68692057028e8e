"""Port of test/parallel/test-dgram-multicast-set-interface.js (Node v20).

setMulticastInterface: the IPv4 wildcard works; after close 'Not running';
a wrong-family address works or fails with EINVAL/ENOPROTOOPT; a non-string is a
TypeError; a multicast address fails; on udp6 'undefined' and '' are EINVAL and
'::%lo0' (an unknown scope: the default) works.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pynet import dgram, errors, run


def on_bound(checker, kind: str, body: Callable[[dgram.Socket], None]) -> None:
    socket = dgram.createSocket(kind)
    socket.bind(0)
    socket.on("listening", checker.must_call(lambda: body(socket)))
    run()


def test_default_selection(checker) -> None:
    def body(socket) -> None:
        socket.setMulticastInterface("0.0.0.0")
        socket.close()
    on_bound(checker, "udp4", body)


def test_after_close(checker) -> None:
    def body(socket) -> None:
        def after() -> None:
            with pytest.raises(errors.ERR_SOCKET_DGRAM_NOT_RUNNING, match="Not running"):
                socket.setMulticastInterface("0.0.0.0")
        socket.close(checker.must_call(after))
    on_bound(checker, "udp4", body)


def test_wrong_family(checker) -> None:
    def body(socket) -> None:
        try:
            socket.setMulticastInterface("::")
        except OSError as e:
            assert e.code in ("EINVAL", "ENOPROTOOPT")
        socket.close()
    on_bound(checker, "udp4", body)


def test_wrong_type(checker) -> None:
    def body(socket) -> None:
        with pytest.raises(TypeError):
            socket.setMulticastInterface(1)
        socket.close()
    on_bound(checker, "udp4", body)


def test_non_unicast(checker) -> None:
    def body(socket) -> None:
        with pytest.raises(OSError):
            socket.setMulticastInterface("224.0.0.2")
        socket.close()
    on_bound(checker, "udp4", body)


@pytest.mark.parametrize("value", ["undefined", ""])
def test_udp6_invalid(checker, value: str) -> None:
    def body(socket) -> None:
        with pytest.raises(OSError, match="EINVAL"):
            socket.setMulticastInterface(value)
        socket.close()
    on_bound(checker, "udp6", body)


def test_udp6_scope(checker) -> None:
    def body(socket) -> None:
        socket.setMulticastInterface("::%lo0")
        socket.close()
    on_bound(checker, "udp6", body)
