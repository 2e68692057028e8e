"""Happy eyeballs: ``autoSelectFamily`` connects (Node's ``internalConnectMultiple``).

Theory of operation
-------------------
When a host name resolves to several addresses and ``autoSelectFamily`` is
on, ``Socket`` hands the interleaved list (first family first, RFC 8305) to
a :class:`MultiConnect`.  Each attempt gets a fresh TCP handle from the
socket, emits ``'connectionAttempt'``, and starts connecting; every attempt
but the last gets a timer (``autoSelectFamilyAttemptTimeout``): when it fires,
``'connectionAttemptTimeout'`` is emitted, the attempt's handle is dropped and
the next address is tried.  A failure emits ``'connectionAttemptFailed'``
and moves on; the first success goes to the socket's ``afterConnect``.  When
every attempt failed the socket is destroyed with an ``AggregateError`` of
the errors (``ERR_SOCKET_CONNECTION_TIMEOUT`` when none was recorded).

The socket is used through its public Node surface (``emit``, ``destroy``,
``destroyed``, ``connecting``, ``blockList``,
``autoSelectFamilyAttemptedAddresses``) and four callbacks it passes in, so
this module reads none of its private state.  The process-wide defaults
(``net.setDefaultAutoSelectFamily``…) live here too.

Invariants
----------
* At most one attempt's handle is the socket's at a time; a late success of
  an earlier attempt closes its handle and is ignored.
* At most one attempt timer is running.

Node reference: ``internalConnectMultiple``, ``afterConnectMultiple``,
``internalConnectMultipleTimeout``, ``getDefaultAutoSelectFamily``… (lib/net.js).
"""

from __future__ import annotations

import errno
import socket
from collections.abc import Callable
from typing import Any, Protocol

from pynet import errors
from pynet._core.loop import Loop, Timer
from pynet._handles.base import Stream
from pynet._js import debuglog
from pynet._js.nodeobject import NodeObject
from pynet._js.validators import validate_boolean, validate_int32
from pynet._net.address import BlockList
from pynet._net.endpoint import address_info, connection_error, local_connect_error

__all__ = ["AttemptTarget", "MultiConnect", "getDefaultAutoSelectFamily",
           "getDefaultAutoSelectFamilyAttemptTimeout", "local_end",
           "setDefaultAutoSelectFamily", "setDefaultAutoSelectFamilyAttemptTimeout"]

_auto_select_family_default = True
_auto_select_family_attempt_timeout_default = 250
# NODE_DEBUG=net (lib/net.js's debug()): tested before any argument is built.
_DEBUG = debuglog.enabled("net")
_debug = debuglog.debuglog("net")


def getDefaultAutoSelectFamily() -> bool:
    """Whether ``connect`` tries IPv6 and IPv4 addresses in turn (default True)."""
    return _auto_select_family_default


def setDefaultAutoSelectFamily(value: bool) -> None:
    """Sets the default value of the ``autoSelectFamily`` option of ``socket.connect(options)``.

    ``value`` must be a ``bool`` (``ERR_INVALID_ARG_TYPE`` otherwise).
    """
    global _auto_select_family_default
    _auto_select_family_default = validate_boolean(value, "value")


def getDefaultAutoSelectFamilyAttemptTimeout() -> int:
    """The per-attempt timeout of ``autoSelectFamily``, in ms (default 250)."""
    return _auto_select_family_attempt_timeout_default


def setDefaultAutoSelectFamilyAttemptTimeout(value: int) -> None:
    """Sets the default value of the ``autoSelectFamilyAttemptTimeout`` option of
    ``socket.connect(options)``.

    ``value`` is an int32 of at least 1 (``ERR_OUT_OF_RANGE`` otherwise); values
    below 10 become 10, as in Node.
    """
    global _auto_select_family_attempt_timeout_default
    value = validate_int32(value, "value", 1)
    _auto_select_family_attempt_timeout_default = max(value, 10)


def local_end(handle: Stream) -> NodeObject:
    """``{address, family, port}`` of the handle's local end; ``{}`` when unknown."""
    try:
        return address_info(handle.getsockname(), handle)
    except OSError:
        return NodeObject()


class AttemptTarget(Protocol):
    """The public surface of the ``net.Socket`` being connected."""

    connecting: bool
    blockList: BlockList | None
    autoSelectFamilyAttemptedAddresses: list[str] | None

    @property
    def destroyed(self) -> bool: ...

    def emit(self, event: str, *args: Any) -> bool: ...

    def destroy(self, error: Any = None) -> Any: ...


#: ``after_connect(handle, err, address, port, family, local_address, local_port)``.
AfterConnect = Callable[[Stream, Exception | None, str, int | None, int | None, Any, Any], None]


class MultiConnect:
    """Node's ``internalConnectMultiple``: happy eyeballs over ``attempts``.

    ``new_handle(family)`` replaces the socket's handle with a fresh TCP one
    and returns it; ``current_handle()`` is the socket's handle now;
    ``drop_handle(handle)`` closes a timed-out attempt's handle and leaves the
    socket without one; ``after_connect`` is the socket's ``afterConnect``.
    """

    def __init__(self, sock: AttemptTarget, loop: Loop, attempts: list[tuple[str, int]],
                 port: int, local_port: Any, timeout: int, *,
                 new_handle: Callable[[int], Stream | int],
                 current_handle: Callable[[], Stream | None],
                 drop_handle: Callable[[Stream], None],
                 after_connect: AfterConnect) -> None:
        self.sock = sock
        self.loop = loop
        self.attempts = attempts
        self.port = port
        self.local_port = local_port
        self.timeout = timeout
        self.current = 0
        self.errors: list[BaseException] = []
        self.timer: Timer | None = None
        self.new_handle = new_handle
        self.current_handle = current_handle
        self.drop_handle = drop_handle
        self.after_connect = after_connect

    def next(self) -> None:
        if self.timer is not None:
            self.timer.stop()
            self.timer = None
        sock = self.sock
        if self.current == len(self.attempts):
            if not self.errors:
                sock.destroy(errors.ERR_SOCKET_CONNECTION_TIMEOUT())
            else:
                sock.destroy(errors.AggregateError(self.errors))
            return
        index = self.current
        self.current += 1
        address, family = self.attempts[index]
        handle = self.new_handle(socket.AF_INET if family == 4 else socket.AF_INET6)
        if isinstance(handle, int):  # No descriptor (EMFILE): Node's connect error.
            sock.emit("connectionAttempt", address, self.port, family)
            ex = errors.exception_with_host_port(handle, "connect", address, self.port,
                                                 "undefined:undefined")
            self.errors.append(ex)
            sock.emit("connectionAttemptFailed", address, self.port, family, ex)
            self.next()
            return
        if self.local_port:
            any_address = "0.0.0.0" if family == 4 else "::"
            code = handle.bind((any_address, int(self.local_port)))
            if _DEBUG:
                _debug("connect/multiple: binding to localAddress: %s and localPort: %d "
                      "(addressType: %d)", any_address, self.local_port, family)
            if code:
                ex = errors.exception_with_host_port(code, "bind", any_address,
                                                     int(self.local_port))
                self.errors.append(ex)
                self.next()
                return
        if _DEBUG:
            _debug("connect/multiple: attempting to connect to %s:%d (addressType: %d)",
                  address, self.port, family)
        sock.emit("connectionAttempt", address, self.port, family)
        if sock.blockList is not None and sock.blockList.check(address, f"ipv{family}"):
            sock.destroy(errors.ERR_IP_BLOCKED(address))
            return
        assert sock.autoSelectFamilyAttemptedAddresses is not None
        sock.autoSelectFamilyAttemptedAddresses.append(f"{address}:{self.port}")
        code = handle.connect((address, self.port),
                              lambda err: self._after(handle, index, err, address, family))
        if code:
            ex = local_connect_error(code, address, self.port, local_end(handle))
            self.errors.append(ex)
            sock.emit("connectionAttemptFailed", address, self.port, family, ex)
            self.next()
            return
        if index < len(self.attempts) - 1:
            if _DEBUG:
                _debug("connect/multiple: setting the attempt timeout to %d ms", self.timeout)
            self.timer = Timer(self.loop, self._on_timeout, (handle, address, family),
                               self.timeout)
            self.timer.start()

    def _after(self, handle: Stream, index: int, err: Exception | None, address: str,
               family: int) -> None:
        if _DEBUG:
            status = 0 if err is None else -(getattr(err, "errno", None) or errno.EIO)
            _debug("connect/multiple: connection attempt to %s:%s completed with status %s",
                  address, self.port, status)
        if self.timer is not None:
            self.timer.stop()
            self.timer = None
        sock = self.sock
        if err is None and index != self.current - 1:
            if _DEBUG:
                _debug("connect/multiple: ignoring successful but timedout connection to %s:%s",
                      address, self.port)
            handle.close(None)
            return
        if sock.destroyed or self.current_handle() is not handle:
            return
        if err is not None:
            code = getattr(err, "errno", None) or errno.EIO
            ex = connection_error(code, address, self.port, None, self.local_port)
            self.errors.append(ex)
            sock.emit("connectionAttemptFailed", address, self.port, family, ex)
            if sock.connecting:
                self.next()
            return
        self.after_connect(handle, None, address, self.port, family, None, self.local_port)

    def _on_timeout(self, handle: Stream, address: str, family: int) -> None:
        self.timer = None
        sock = self.sock
        if _DEBUG:
            _debug("connect/multiple: connection to %s:%s timed out", address, self.port)
        sock.emit("connectionAttemptTimeout", address, self.port, family)
        self.errors.append(errors.exception_with_host_port(errno.ETIMEDOUT, "connect",
                                                           address, self.port))
        if self.current_handle() is handle:
            self.drop_handle(handle)
        if sock.connecting:
            self.next()
