"""Port of test/parallel/test-net-connect-nodelay.js (Node v20).

A truthy ``noDelay`` option turns Nagle off (TCP_NODELAY) on connect; a falsy one leaves it on.

Node spies on ``client._handle.setNoDelay`` and expects one call with ``true``, or none;
this port reads TCP_NODELAY on the real socket.
Boolean options follow JavaScript's truthiness, so ``{}`` and ``[]`` are truthy.
"""

from __future__ import annotations

import socket as pysocket

import pytest

from pynet import net
from tests.conformance.common import finish, track

TRUTHY_VALUES = [True, 1, "true", pytest.param({}, id="{}"),
                 pytest.param([], id="[]")]
FALSY_VALUES = [False, 0, ""]


def _connect_and_check(checker, value, expected: int) -> None:
    objs: list = []
    server = track(objs, net.createServer())

    def on_listening() -> None:
        port = server.address().port

        def on_connect() -> None:
            sock = client._handle._sock
            assert sock.getsockopt(pysocket.IPPROTO_TCP, pysocket.TCP_NODELAY) == expected
            client.end()

        client = track(objs, net.connect({"port": port, "noDelay": value}, checker.must_call(on_connect)))
        client.on("end", checker.must_call(lambda: server.close()))

    server.listen(0, checker.must_call(on_listening))
    finish(checker, objs)


@pytest.mark.parametrize("value", TRUTHY_VALUES, ids=repr)
def test_truthy_nodelay(checker, value) -> None:
    _connect_and_check(checker, value, 1)


@pytest.mark.parametrize("value", FALSY_VALUES, ids=repr)
def test_falsy_nodelay(checker, value) -> None:
    _connect_and_check(checker, value, 0)
