"""Port of test/parallel/test-dgram-socket-buffer-size.js (Node v20).

Buffer sizes: ERR_SOCKET_BUFFER_SIZE (with Node's info object) before bind and
for sizes over INT32_MAX, ERR_SOCKET_BAD_BUFFER_SIZE for bad sizes, and set/get
after bind (Linux doubles).  Node also compares ``util.inspect(err)``; pynet
has no ``util`` yet, so its parts (message, code, info, errno, syscall) are
checked one by one.
"""

from __future__ import annotations

import errno
import math
import sys

import pytest

from pynet import dgram, errors, run


def expect_buffer_size_error(call, kind: str, code: str, text: str, number: int) -> None:
    syscall = f"uv_{kind}_buffer_size"
    with pytest.raises(errors.ERR_SOCKET_BUFFER_SIZE) as info:
        call()
    err = info.value
    assert err.code == "ERR_SOCKET_BUFFER_SIZE"
    assert err.message == f"Could not get or set buffer size: {syscall} returned {code} ({text})"
    assert dict(err.info) == {"errno": number, "code": code, "message": text, "syscall": syscall}
    assert err.errno == number
    assert err.syscall == syscall


def test_unbound_send() -> None:
    socket = dgram.createSocket("udp4")
    for call in (lambda: socket.setSendBufferSize(8192), socket.getSendBufferSize):
        expect_buffer_size_error(call, "send", "EBADF", "bad file descriptor", errno.EBADF)


def test_unbound_recv() -> None:
    socket = dgram.createSocket("udp4")
    for call in (lambda: socket.setRecvBufferSize(8192), socket.getRecvBufferSize):
        expect_buffer_size_error(call, "recv", "EBADF", "bad file descriptor", errno.EBADF)


def test_bad_sizes(checker) -> None:
    socket = dgram.createSocket("udp4")

    def on_bound() -> None:
        for bad in (-1, math.inf, "Doh!"):
            for setter in (socket.setRecvBufferSize, socket.setSendBufferSize):
                with pytest.raises(errors.ERR_SOCKET_BAD_BUFFER_SIZE,
                                   match=r"^Buffer size must be a positive integer$") as info:
                    setter(bad)
                assert isinstance(info.value, TypeError)
        socket.close()

    socket.bind(checker.must_call(on_bound))
    run()


def test_set_and_get(checker) -> None:
    socket = dgram.createSocket("udp4")

    def on_bound() -> None:
        socket.setRecvBufferSize(10000)
        socket.setSendBufferSize(10000)
        expected = 20000 if sys.platform == "linux" else 10000
        assert socket.getRecvBufferSize() == expected
        assert socket.getSendBufferSize() == expected
        socket.close()

    socket.bind(checker.must_call(on_bound))
    run()


@pytest.mark.parametrize("kind", ["recv", "send"])
def test_too_large(checker, kind: str) -> None:
    socket = dgram.createSocket("udp4")

    def on_bound() -> None:
        setter = socket.setRecvBufferSize if kind == "recv" else socket.setSendBufferSize
        expect_buffer_size_error(lambda: setter(2147483648), kind, "EINVAL", "invalid argument",
                                 errno.EINVAL)
        socket.close()

    socket.bind(checker.must_call(on_bound))
    run()
