"""Helpers for the ports of Node's test-net-* files 121-162 (sequential ones included).

Node's sequential tests use the fixed ``common.PORT`` (12346, 12347, ...); the ports pick a
free port at run time instead, so they can run next to other tests.
"""

from __future__ import annotations

import socket


def free_port(host: str = "::") -> int:
    """A TCP port nothing listens on right now (``'::'``: free on both IPv6 and IPv4)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s:
        if family == socket.AF_INET6 and host == "::":
            s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
        s.bind((host, 0))
        return int(s.getsockname()[1])


def free_ports(count: int, host: str = "::") -> list[int]:
    """``count`` distinct free ports (all bound together, so none repeats)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    held: list[socket.socket] = []
    try:
        for _ in range(count):
            s = socket.socket(family, socket.SOCK_STREAM)
            held.append(s)
            if family == socket.AF_INET6 and host == "::":
                s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
            s.bind((host, 0))
        return [int(s.getsockname()[1]) for s in held]
    finally:
        for s in held:
            s.close()


def has_ipv6() -> bool:
    """Node's ``common.hasIPv6``: ``::1`` can be bound."""
    try:
        with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as s:
            s.bind(("::1", 0))
    except OSError:
        return False
    return True
