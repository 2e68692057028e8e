"""Port of test/parallel/test-dgram-send-bad-arguments.js (Node v20).

send()'s argument checks, unconnected and connected: the buffer type, port
ranges, ERR_SOCKET_DGRAM_IS_CONNECTED for an address on a connected socket, and
ERR_BUFFER_OUT_OF_BOUNDS for offset/length outside the buffer.
"""

from __future__ import annotations

import pytest

from pynet import dgram, errors, run

BUF = b"test"
HOST = "127.0.0.1"
BUFFER_MSG = ('The "buffer" argument must be of type string or an instance of Buffer, '
              "TypedArray, or DataView. Received ")


def check_args(sock: dgram.Socket, connected: bool, checker) -> None:
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
        sock.send()
    assert info.value.message == BUFFER_MSG + "undefined"
    if connected:
        for args in ((BUF, 1, 1, -1, HOST), (BUF, 1, 1, 0, HOST), (BUF, 1, 1, 65536, HOST),
                     (BUF, 1234, "127.0.0.1", checker.must_not_call())):
            with pytest.raises(errors.ERR_SOCKET_DGRAM_IS_CONNECTED, match=r"^Already connected$"):
                sock.send(*args)
        hello = b"hello world"
        inputs = ["hello", b"hello", memoryview(hello)[0:5], memoryview(hello)[4:9],
                  memoryview(hello)[6:], bytearray([1, 2, 3, 4, 5]),
                  memoryview(bytearray(range(1, 9)))[0:5], memoryview(bytearray(range(1, 9)))[2:7],
                  memoryview(bytearray(range(1, 9)))[3:], memoryview(bytearray(5)),
                  memoryview(bytearray(6))[1:], memoryview(bytearray(7))[1:6]]
        for data in inputs:
            for offset, length, which in ((6, 0, "offset"), (0, 6, "length"), (3, 4, "length")):
                with pytest.raises(errors.ERR_BUFFER_OUT_OF_BOUNDS) as oob:
                    sock.send(data, offset, length)
                assert oob.value.message == f'"{which}" is outside of buffer bounds'
                assert isinstance(oob.value, ValueError)
    else:
        for port in (-1, 0, 65536):
            with pytest.raises(ValueError):
                sock.send(BUF, 1, 1, port, HOST)
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
        sock.send(23, 12345, HOST)
    assert info.value.message == BUFFER_MSG + "type number (23)"
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
        sock.send([BUF, 23], 12345, HOST)
    assert info.value.message == (
        'The "buffer list arguments" argument must be of type string or an instance of '
        "Buffer, TypedArray, or DataView. Received an instance of Array")


def test_send_bad_arguments(checker) -> None:
    sock = dgram.createSocket("udp4")
    check_args(sock, False, checker)

    def on_connect() -> None:
        check_args(sock, True, checker)
        sock.close()

    sock.connect(12345, checker.must_call(on_connect))
    run()
