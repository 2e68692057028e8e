"""Ports of Node's test/common helpers used by the conformance tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pynet import errors
from pynet._address import NodeObject
from pynet.process import nextTick


def mocked_lookup(*addresses: tuple[str, int]) -> Callable[..., None]:
    """Node's ``createMockedLookup``: answers on the next tick.

    With ``opts['all']`` it gives ``[{address, family}, ...]``; otherwise the
    first address and its family.
    """

    def lookup(hostname: str, opts: Any, cb: Callable[..., None]) -> None:
        if opts.get("all"):
            nextTick(cb, None, [NodeObject(address=a, family=f) for a, f in addresses])
        else:
            nextTick(cb, None, addresses[0][0], addresses[0][1])

    return lookup


def error_lookup_mock(code: str = "ENOTFOUND", syscall: str = "getaddrinfo"
                      ) -> Callable[..., None]:
    """Node's ``errorLookupMock``: fails every lookup with ``code``."""

    def lookup(hostname: str, opts: Any, cb: Callable[..., None]) -> None:
        err = errors.dns_exception(code, syscall, hostname)
        nextTick(cb, err)

    return lookup
