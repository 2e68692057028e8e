"""Ports of Node's test/common/dns.js helpers used by the conformance tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pynet._net.address import NodeObject, isIP
from pynet.process import nextTick


def mocked_lookup(*addresses: str) -> Callable[..., None]:
    """Node's ``createMockedLookup``: answers on the next tick.

    With ``opts['all']`` it gives ``[{address, family}, ...]``; otherwise the
    first address and its family (``isIP`` of it).
    """
    entries = [NodeObject(address=a, family=isIP(a)) for a in addresses]

    def lookup(hostname: str, opts: Any, cb: Callable[..., None]) -> None:
        if opts.get("all"):
            nextTick(cb, None, entries)
        else:
            nextTick(cb, None, entries[0]["address"], entries[0]["family"])

    return lookup


def error_lookup_mock(code: str = "ENOTFOUND", syscall: str = "getaddrinfo"
                      ) -> Callable[..., None]:
    """Node's ``errorLookupMock``: calls back at once with a plain Error whose
    ``code`` and ``errno`` are ``code``, plus ``syscall`` and ``hostname``."""

    def lookup(hostname: str, opts: Any, cb: Callable[..., None]) -> None:
        err = Exception(f"{syscall} {code} {hostname}")  # Node: a plain Error
        for key, value in (("message", f"{syscall} {code} {hostname}"), ("code", code),
                           ("errno", code), ("syscall", syscall), ("hostname", hostname)):
            setattr(err, key, value)
        cb(err)

    return lookup
