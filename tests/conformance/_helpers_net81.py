"""Small helpers shared by the ports of Node's test-net-* files 81-120."""

from __future__ import annotations

import socket

from pynet import errors

# Node's error ``name`` for pynet's builtin bases (python-mapping.md §6).
_NODE_NAMES = ((TypeError, "TypeError"), (ValueError, "RangeError"))


def node_error_name(exc: BaseException) -> str:
    """The ``name`` Node gives the error that pynet raised as ``exc``."""
    for base, name in _NODE_NAMES:
        if isinstance(exc, base):
            return name
    return "Error"


def assert_node_error(exc: BaseException, code: str, name: str) -> None:
    """Node's ``assert.throws(fn, {code, name})``."""
    assert isinstance(exc, errors.NodeError), repr(exc)
    assert exc.code == code, (exc.code, str(exc))
    assert node_error_name(exc) == name, (type(exc).__mro__, name)


def has_ipv6() -> bool:
    """Node's ``common.hasIPv6``: an IPv6 loopback can be bound."""
    if not socket.has_ipv6:
        return False
    try:
        with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as s:
            s.bind(("::1", 0))
    except OSError:
        return False
    return True
