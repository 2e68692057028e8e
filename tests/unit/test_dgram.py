"""pynet.dgram's API rules that need no network: argument errors raised
synchronously with Node's codes and words (``undefined`` vs ``null``), the
state machine of close(), Node's quirks kept on purpose, and option handling.
Every expectation here was checked against node 20 (tests/dgram scripts in the
docstrings).
"""

from __future__ import annotations

import pytest

from pynet import dgram, errors, run
from pynet._core.loop import Loop


def test_create_socket_forms(loop: Loop) -> None:
    for sock in (dgram.createSocket("udp4"), dgram.createSocket({"type": "udp6"}),
                 dgram.createSocket(type="udp4", reuseAddr=True),
                 dgram.createSocket({"type": "udp4"}, ipv6Only=False)):
        assert isinstance(sock, dgram.Socket)
        assert sock.type in ("udp4", "udp6")
        sock.close()
    assert dgram.createSocket(type="udp4", reuseAddr=True)._reuse_addr is True
    run()


def test_listener_argument_is_a_message_listener(loop: Loop) -> None:
    def on_message(msg) -> None:
        pass

    sock = dgram.createSocket("udp4", on_message)
    assert sock.listeners("message") == [on_message]
    sock.close()
    run()


def test_bad_options(loop: Loop) -> None:
    with pytest.raises(errors.ERR_OUT_OF_RANGE):
        dgram.createSocket({"type": "udp4", "recvBufferSize": -1})
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
        dgram.createSocket({"type": "udp4", "sendBufferSize": "big"})
    assert info.value.message.startswith('The "options.sendBufferSize" property must be')


def test_port_messages_tell_undefined_from_null(loop: Loop) -> None:
    """node: send('x') → 'Received undefined.'; send('x', null) → 'Received null.'"""
    sock = dgram.createSocket("udp4")
    with pytest.raises(errors.ERR_SOCKET_BAD_PORT) as info:
        sock.send("x")
    assert info.value.message == "Port should be > 0 and < 65536. Received undefined."
    with pytest.raises(errors.ERR_SOCKET_BAD_PORT) as info:
        sock.send("x", None)
    assert info.value.message == "Port should be > 0 and < 65536. Received null."
    assert isinstance(info.value, ValueError)
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
        sock.connect(80, None)
    assert info.value.message == 'The "address" argument must be of type string. Received null'
    sock.close()
    run()


def test_setters_before_bind_throw_system_errors(loop: Loop) -> None:
    """mapping §13: Node throws these synchronously ('setTTL EBADF', errno, code, syscall)."""
    sock = dgram.createSocket("udp4")
    for call, text in ((lambda: sock.setTTL(5), "setTTL EBADF"),
                       (lambda: sock.setBroadcast(True), "setBroadcast EBADF"),
                       (lambda: sock.setMulticastTTL(1), "setMulticastTTL EBADF"),
                       (lambda: sock.setMulticastLoopback(1), "setMulticastLoopback EBADF"),
                       (sock.address, "getsockname EBADF")):
        with pytest.raises(OSError) as info:
            call()
        assert str(info.value) == text
        assert info.value.code == "EBADF"
        assert info.value.syscall == text.split()[0]
    with pytest.raises(OSError, match=r"^setTTL EINVAL$"):
        sock.setTTL(0)  # The range is checked before the descriptor.
    with pytest.raises(errors.ERR_SOCKET_BUFFER_SIZE) as buf_info:
        sock.getRecvBufferSize()
    assert buf_info.value.message == ("Could not get or set buffer size: uv_recv_buffer_size "
                                      "returned EBADF (bad file descriptor)")
    sock.close()
    run()


def test_after_close(loop: Loop) -> None:
    """node: setters read a null handle (TypeError); health-checked calls say 'Not running'."""
    sock = dgram.createSocket("udp4")
    sock.close()
    for name, call in (("setTTL", lambda: sock.setTTL(5)),
                       ("setBroadcast", lambda: sock.setBroadcast(True)),
                       ("getSendQueueSize", sock.getSendQueueSize),
                       ("bufferSize", sock.getRecvBufferSize)):
        with pytest.raises(TypeError, match=rf"^Cannot read properties of null \(reading '{name}'\)$"):
            call()
    for call in (sock.remoteAddress, sock.address, lambda: sock.send("x", 1, "127.0.0.1"),
                 lambda: sock.bind(0), sock.close, lambda: sock.connect(5)):
        with pytest.raises(errors.ERR_SOCKET_DGRAM_NOT_RUNNING, match=r"^Not running$"):
            call()
    with pytest.raises(errors.ERR_SOCKET_DGRAM_NOT_CONNECTED, match=r"^Not connected$"):
        sock.disconnect()
    assert sock.unref() is sock
    assert sock.ref() is sock
    run()


def test_close_adds_the_callback_before_checking(loop: Loop, checker) -> None:
    """lib/dgram.js: close(cb) adds cb as a 'close' listener first, so a second close(cb)
    throws 'Not running' and still gets its callback called (node prints cb1, cb2)."""
    order: list[str] = []
    sock = dgram.createSocket("udp4")
    sock.close(lambda: order.append("cb1"))
    with pytest.raises(errors.ERR_SOCKET_DGRAM_NOT_RUNNING):
        sock.close(lambda: order.append("cb2"))
    assert order == []  # 'close' is emitted on the next tick.
    run()
    assert order == ["cb1", "cb2"]


def test_close_callback_arity(loop: Loop, checker) -> None:
    sock = dgram.createSocket("udp4")
    sock.close(checker.must_call(lambda: None))
    other = dgram.createSocket("udp4")
    got: list[object] = []
    other.close(lambda *args: got.append(args))
    other2 = dgram.createSocket("udp4")
    other2.close(lambda x: got.append(x))  # 'close' carries nothing: x is None
    run()
    assert got == [(), None]


def test_unbound_sockets_hold_nothing(loop: Loop) -> None:
    dgram.createSocket("udp4")
    dgram.createSocket("udp6")
    assert loop.statistics().idle
    run()  # Returns at once.


def test_lookup_option_must_be_a_function(loop: Loop) -> None:
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
        dgram.createSocket({"type": "udp4", "lookup": "dns"})
    assert info.value.message == ('The "lookup" argument must be of type function. '
                                  "Received type string ('dns')")
