"""Port of test/parallel/test-dgram-bind-fd.js (Node v20).

bind({fd}) adopts a bound UDP descriptor (Node makes it with the internal UDP
handle; here with Python's socket module): address() matches it, the buffer-size
options apply (doubled on Linux), and datagrams go both ways.
"""

from __future__ import annotations

import socket as pysocket
import sys

import pytest

from pynet import dgram, nextTick, run

BUFFER_SIZE = 4096


@pytest.mark.parametrize(("reuse", "udp4"), [(True, True), (False, True), (False, False)])
def test_bind_fd(checker, reuse: bool, udp4: bool) -> None:
    kind = "udp4" if udp4 else "udp6"
    bind_address = "127.0.0.1" if udp4 else "::1"
    state: dict = {}
    receiver = dgram.createSocket({"type": kind})

    def on_receiver() -> None:
        port, address = receiver.address().port, receiver.address().address
        raw = pysocket.socket(pysocket.AF_INET if udp4 else pysocket.AF_INET6,
                              pysocket.SOCK_DGRAM)
        if reuse:
            raw.setsockopt(pysocket.SOL_SOCKET, pysocket.SO_REUSEADDR, 1)
        raw.bind((bind_address, 0))
        fd = raw.detach()
        state["fd"] = fd
        sock = dgram.createSocket({"type": kind, "recvBufferSize": BUFFER_SIZE,
                                   "sendBufferSize": BUFFER_SIZE})

        def on_bound() -> None:
            probe = pysocket.socket(fileno=fd)
            name = probe.getsockname()
            probe.detach()
            assert sock.address().address == name[0]
            assert sock.address().port == name[1]
            expected = BUFFER_SIZE * 2 if sys.platform == "linux" else BUFFER_SIZE
            assert sock.getRecvBufferSize() == expected
            assert sock.getSendBufferSize() == expected
            sock.send(str(fd), port, address)

        def on_message(data) -> None:
            assert data.decode() == str(fd)
            sock.close()

        sock.bind({"port": 0, "address": bind_address, "fd": fd}, checker.must_call(on_bound))
        sock.on("message", checker.must_call(on_message))
        sock.on("error", lambda err: pytest.fail(str(err)))
        sock.on("close", checker.must_call())

    def on_receiver_message(data, rinfo) -> None:
        assert data.decode() == str(state["fd"])
        receiver.send(str(state["fd"]), rinfo.port, rinfo.address)
        nextTick(receiver.close)

    receiver.bind({"port": 0, "address": bind_address}, checker.must_call(on_receiver))
    receiver.on("message", checker.must_call(on_receiver_message))
    receiver.on("error", lambda err: pytest.fail(str(err)))
    receiver.on("close", checker.must_call())
    run()
