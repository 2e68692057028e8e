"""Node's test/common, as the conformance tests use it.

* :func:`has_ipv6` — ``common.hasIPv6``;
* :func:`node_error_name`, :func:`assert_node_error` — ``assert.throws(fn, {code, name})``
  for the errors pynet raises (python-mapping.md §6);
* :func:`mocked_lookup`, :func:`error_lookup_mock` — test/common/dns.js;
* :func:`track`, :func:`finish` — run the loop, check the must_call counts inside the
  test, then close whatever is left (see :func:`finish`).

Node's fixed ``common.PORT`` is the ``ports`` fixture (tests/conftest.py): a port held
for the test, never one probed and released.
"""

from __future__ import annotations

import contextlib
import socket
from collections.abc import Callable
from typing import Any

from pynet import errors, net, run
from pynet._net.address import NodeObject, isIP
from pynet.process import nextTick

# --- common.hasIPv6 --------------------------------------------------------------


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


# --- assert.throws(fn, {code, name}) ------------------------------------------------

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


# --- test/common/dns.js ----------------------------------------------------------


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


# --- running a test that may fail (xfail) without teardown noise --------------------


def track(bucket: list[Any], obj: Any) -> Any:
    """Remember ``obj`` for cleanup; a server's accepted sockets are remembered too."""
    bucket.append(obj)
    if isinstance(obj, net.Server):
        obj.on("connection", bucket.append)
    return obj


def finish(checker: Any, *objs: Any) -> None:
    """Run the loop like ``pynet.run()``, then check the must_call counts *inside* the test.

    So a test marked xfail fails in its call phase only: whatever happens, the
    servers and sockets given (and the connections the servers accepted, see
    :func:`track`) are closed afterwards, so the fixtures' leak checks stay quiet.
    """
    try:
        run()
        checker.verify()
    except BaseException:
        checker._expectations.clear()  # The test has failed already: no teardown noise.
        raise
    finally:
        items: list[Any] = []
        for obj in objs:
            items.extend(obj if isinstance(obj, list) else [obj])
        for obj in items:
            with contextlib.suppress(Exception):
                if isinstance(obj, net.Server):
                    if obj.listening:
                        obj.close()
                elif not obj.destroyed:
                    obj.destroy()
        for _ in range(3):  # An exception stops run(); go on until the loop is idle.
            try:
                run()
                break
            except Exception:  # Already failing: only cleaning up.
                continue
