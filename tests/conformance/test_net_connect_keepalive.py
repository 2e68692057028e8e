"""Port of test/parallel/test-net-connect-keepalive.js (Node v20).

A truthy ``keepAlive`` option enables TCP keep-alive on connect, with the initial delay in whole seconds; a falsy one leaves it off.

Node spies on ``client._handle.setKeepAlive`` and expects one call with
``(true, floor(delay / 1000))`` (negative or missing delay: 0), or none.  This port reads
the real socket instead: SO_KEEPALIVE, and TCP_KEEPIDLE (the seconds) when the delay is
not 0.
Boolean options follow JavaScript's truthiness, so ``{}`` and ``[]`` are truthy.
"""

from __future__ import annotations

import socket as pysocket

import pytest

from pynet import net
from tests.conformance.common import finish, track

TRUTHY_VALUES = [True, 1, "true", pytest.param({}, id="{}"),
                 pytest.param([], id="[]")]
DELAYS = [(123, 0), (456123, 456), (-123000, 0), (None, 0)]
FALSY_VALUES = [False, 0, ""]


def _connect_and_check(checker, options: dict, check) -> None:
    objs: list = []
    server = track(objs, net.createServer())

    def on_listening() -> None:
        port = server.address().port

        def on_connect() -> None:
            check(client._handle._sock)
            client.end()

        client = track(objs, net.connect({"port": port, **options}, checker.must_call(on_connect)))
        client.on("end", checker.must_call(lambda: server.close()))

    server.listen(0, checker.must_call(on_listening))
    finish(checker, objs)


@pytest.mark.parametrize("delay", DELAYS, ids=[str(d[0]) for d in DELAYS])
@pytest.mark.parametrize("value", TRUTHY_VALUES, ids=repr)
def test_truthy_keepalive(checker, value, delay) -> None:
    def check(sock: pysocket.socket) -> None:
        assert sock.getsockopt(pysocket.SOL_SOCKET, pysocket.SO_KEEPALIVE) == 1
        if delay[1]:
            assert sock.getsockopt(pysocket.IPPROTO_TCP, pysocket.TCP_KEEPIDLE) == delay[1]

    _connect_and_check(checker, {"keepAlive": value, "keepAliveInitialDelay": delay[0]}, check)


@pytest.mark.parametrize("value", FALSY_VALUES, ids=repr)
def test_falsy_keepalive(checker, value) -> None:
    def check(sock: pysocket.socket) -> None:
        assert sock.getsockopt(pysocket.SOL_SOCKET, pysocket.SO_KEEPALIVE) == 0

    _connect_and_check(checker, {"keepAlive": value}, check)
