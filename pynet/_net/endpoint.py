"""A handle's two ends as Node shows them, and the connect errors that name them.

Theory of operation
-------------------
:func:`address_info` turns what ``getsockname``/``getpeername`` return into
Node's ``{address, family, port}`` (an empty object for a pipe, whose ends
have no such fields); ``Socket.address()``, ``remoteAddress``…,
``Server.address()`` and the ``'drop'`` event data are built with it.
:func:`connection_error` is Node's ``createConnectionError`` (the local end
only when the program asked for one); :func:`local_connect_error` is the
error ``internalConnect`` raises when ``connect`` fails at once, naming the
local end the handle got.

Invariants
----------
* Only the :class:`~pynet._handles.base.Stream`/``Listener`` interface is
  used; a handle whose ends cannot be read gives ``{}``, never an exception.

Node reference: ``TCPWrap::GetSockName``/``GetPeerName`` (``AddressToJS``),
``createConnectionError`` and ``internalConnect`` (lib/net.js).
"""

from __future__ import annotations

import socket
from typing import Any

from pynet import errors
from pynet._handles.base import Listener, Stream
from pynet._js.nodeobject import NodeObject
from pynet._js.number import is_number, number_to_string
from pynet._js.value import truthy
from pynet._net.types import AddressInfo

__all__ = ["address_info", "connection_error", "local_connect_error"]

_FAMILY_NAME = {socket.AF_INET: "IPv4", socket.AF_INET6: "IPv6"}


def address_info(name: Any, handle: Stream | Listener) -> NodeObject:
    """Node's ``{address, family, port}`` for a socket name of ``handle``."""
    if handle.is_pipe or isinstance(name, (str, bytes)):
        return NodeObject()
    family = _FAMILY_NAME.get(socket.AddressFamily(handle.family), "IPv4")
    return AddressInfo(address=name[0], family=family, port=name[1])


def connection_error(code: int, address: str, port: int | None, local_address: Any,
                     local_port: Any) -> errors.SystemError:
    """Node's ``createConnectionError``: the local end only when it was asked for."""
    details = None
    if truthy(local_address) and truthy(local_port):
        shown = number_to_string(local_port) if is_number(local_port) else local_port
        details = f"{local_address}:{shown}"
    ex = errors.exception_with_host_port(code, "connect", address, port, details)
    if details:
        ex.localAddress = local_address  # type: ignore[attr-defined]
        ex.localPort = local_port  # type: ignore[attr-defined]
    return ex


def local_connect_error(code: int, address: str, port: int | None,
                        local: NodeObject) -> errors.SystemError:
    """A synchronous connect failure, naming the local end ``local`` when it has one."""
    details = None
    if local:
        details = f"{local['address']}:{local['port']}"
    ex = errors.exception_with_host_port(code, "connect", address, port, details)
    if details:
        ex.localAddress = local["address"]  # type: ignore[attr-defined]
        ex.localPort = local["port"]  # type: ignore[attr-defined]
    return ex
