"""pynet.dgram has Node's public surface: every name of ``require('dgram')`` and of
``dgram.Socket.prototype`` (with EventEmitter's), except the deprecated private
ones (``_createSocketHandle``, ``_handle``, ``_healthCheck``…, DEP0112).

The lists were printed by node v20::

    node -e 'const d = require("dgram"); console.log(Object.keys(d),
             Object.getOwnPropertyNames(d.Socket.prototype))'
"""

from __future__ import annotations

import pytest

from pynet import dgram
from pynet.events import EventEmitter

MODULE = ["createSocket", "Socket"]
SOCKET = ["bind", "connect", "disconnect", "sendto", "send", "close", "address",
          "remoteAddress", "setBroadcast", "setTTL", "setMulticastTTL", "setMulticastLoopback",
          "setMulticastInterface", "addMembership", "dropMembership",
          "addSourceSpecificMembership", "dropSourceSpecificMembership", "ref", "unref",
          "setRecvBufferSize", "setSendBufferSize", "getRecvBufferSize", "getSendBufferSize",
          "getSendQueueSize", "getSendQueueCount"]


@pytest.mark.parametrize("name", MODULE)
def test_module_exports(name: str) -> None:
    assert hasattr(dgram, name)
    assert name in dgram.__all__


@pytest.mark.parametrize("name", SOCKET)
def test_socket_methods(name: str) -> None:
    assert callable(getattr(dgram.Socket, name, None)), f"dgram.Socket.{name} is missing"


def test_socket_is_an_event_emitter() -> None:
    assert issubclass(dgram.Socket, EventEmitter)
