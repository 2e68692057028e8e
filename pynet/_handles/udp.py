"""UDP handles: non-blocking datagram sockets on the loop (libuv's ``uv_udp_t``).

Theory of operation
-------------------
A :class:`UDPHandle` is Node's ``UDP`` wrap over libuv's ``uv_udp_t``: it does
the syscalls and reports through callbacks; it never emits events.  As in
libuv, the handle starts *without* a socket (``uv_udp_init``: fd -1): the
socket is made by :meth:`~UDPHandle.bind` (or :meth:`~UDPHandle.open`), in the
family of the address, and operations before that fail with ``EBADF``.
Membership calls and ``connect`` bind implicitly to the wildcard address
(``uv__udp_maybe_deferred_bind``).

Every method that libuv makes return an error code returns an ``errno`` here
(0 for success); the layer above (``pynet.dgram``) turns it into Node's error.

Receive path (``uv__udp_recvmsg``): ``recv_start`` watches the fd; each
readiness reads datagrams (``recvfrom`` of up to 64 KiB) until ``EAGAIN``, at
most ``RECVS_PER_WAKEUP`` (libuv's 32) per turn so one busy socket cannot
starve the loop, and reports each as ``onmessage(data, addr, 0)``, draining
the tick queue after each (Node makes one callback per datagram); a receive
error (``ECONNREFUSED`` after an ICMP port unreachable on a connected socket)
is ``onmessage(None, None, errno)`` and ends the batch.

Send path (``uv_udp_try_send`` then ``uv__udp_send``): with nothing queued,
:meth:`~UDPHandle.send` calls ``sendto`` (``sendmsg`` for several buffers) at
once; a datagram the kernel took is a *synchronous completion* (Node returns
``msg_size + 1`` for it) and queues nothing. Only ``EAGAIN`` queues the
datagram, and the fd is watched for writability while the queue is non-empty;
the writable callback sends in order and calls each request's callback
(``uv__udp_run_completed``). Other errors (``EMSGSIZE``, ``ECONNREFUSED``,
``EINVAL``…) are returned to the caller synchronously, as ``uv_udp_try_send``
returns them.

Invariants
----------
* ``send_queue_size``/``send_queue_count`` are the bytes/datagrams queued and
  not yet sent (``uv_udp_get_send_queue_size``/``_count``).
* The handle holds one loop ref while it is ref'd and receiving; each queued
  send holds the loop too, ref'd or not, as a libuv request does (one ref for
  a non-empty queue).
* ``close`` unwatches the fd *before* closing it (fds are reused); queued
  sends complete with ``ECANCELED`` and then the close callback runs, both in
  the loop's close phase (``uv__udp_finish_close``).

libuv reference (``src/unix/udp.c``): ``uv_udp_init``, ``uv__udp_bind``,
``uv__udp_maybe_deferred_bind``, ``uv_udp_open``, ``uv__udp_connect``,
``uv__udp_disconnect``, ``uv__udp_recvmsg``, ``uv_udp_try_send``,
``uv__udp_send``, ``uv__udp_sendmsg``, ``uv__udp_run_completed``,
``uv__udp_close``/``uv__udp_finish_close``, ``uv_udp_set_*``,
``uv_udp_set_membership``, ``uv_udp_set_source_membership``,
``uv_udp_set_multicast_interface``, ``uv__socket_sockopt``; Node's
``UDPWrap`` (``src/udp_wrap.cc``).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import socket
import struct
import sys
from collections import deque
from collections.abc import Callable
from typing import Any

from pynet._core.loop import Loop
from pynet._js.ip import inet_pton

__all__ = ["RECVS_PER_WAKEUP", "UV_UDP_IPV6ONLY", "UV_UDP_REUSEADDR", "UDPHandle"]

#: libuv's ``uv_udp_flags`` that Node passes to bind.
UV_UDP_IPV6ONLY = 1
UV_UDP_REUSEADDR = 4

RECV_SIZE = 65536
#: Datagrams read per readiness (libuv's ``count = 32`` in ``uv__udp_recvmsg``).
RECVS_PER_WAKEUP = 32

Buffer = bytes | bytearray | memoryview
SendCallback = Callable[[int, int], None]  # (errno or 0, bytes sent)
Address = tuple[Any, ...]


# Linux's values where the socket module lacks them (group_source_req API).
_MCAST_JOIN_SOURCE_GROUP = getattr(socket, "MCAST_JOIN_SOURCE_GROUP", 46)
_MCAST_LEAVE_SOURCE_GROUP = getattr(socket, "MCAST_LEAVE_SOURCE_GROUP", 47)
_IP_ADD_SOURCE_MEMBERSHIP = getattr(socket, "IP_ADD_SOURCE_MEMBERSHIP", 39)
_IP_DROP_SOURCE_MEMBERSHIP = getattr(socket, "IP_DROP_SOURCE_MEMBERSHIP", 40)


# Discussion: the send path parses the destination of every datagram, as
# libuv's uv_ip4_addr does; a server answers the same few peers over and over,
# so the parsed form of recent address strings is kept (bounded, cleared when
# full) rather than re-parsed in Python each time.
_PARSED4: dict[str, str | None] = {}
_CACHE_LIMIT = 4096


def _ip4_addr(text: Any, port: int) -> Address | None:
    """``uv_ip4_addr``: ``(host, port)`` for a dotted-quad string, else None."""
    if type(text) is not str:
        if not isinstance(text, str):
            return None
        text = str(text)
    host = _PARSED4.get(text, "")
    if host == "":
        host = text.split("\0", 1)[0] if inet_pton(4, text) is not None else None
        if len(_PARSED4) >= _CACHE_LIMIT:
            _PARSED4.clear()
        _PARSED4[text] = host
    return None if host is None else (host, port)


_PARSED6: dict[str, tuple[str, int] | None] = {}
_UNPARSED: Any = object()


def _ip6_addr(text: Any, port: int) -> Address | None:
    """``uv_ip6_addr``: ``(host, port, 0, scope)``; ``fe80::1%eth0`` gives the scope id."""
    if type(text) is not str:
        if not isinstance(text, str):
            return None
        text = str(text)
    parsed = _PARSED6.get(text, _UNPARSED)
    if parsed is _UNPARSED:
        parsed = _parse6(text)
        if len(_PARSED6) >= _CACHE_LIMIT:
            _PARSED6.clear()
        _PARSED6[text] = parsed
    if parsed is None:
        return None
    return (parsed[0], port, 0, parsed[1])


def _parse6(text: str) -> tuple[str, int] | None:
    if inet_pton(6, text) is None:
        return None
    host, _, zone = text.split("\0", 1)[0].partition("%")
    scope = 0
    if zone:
        try:
            scope = socket.if_nametoindex(zone)
        except OSError:
            scope = int(zone) if zone.isdigit() else 0
    return host, scope


def _code(exc: OSError) -> int:
    return exc.errno or errno.EIO


class UDPHandle:
    """One UDP socket on the loop; ``ipv6`` picks the ``bind6``/``send6`` forms (udp6)."""

    __slots__ = (
        "__weakref__",
        "_closed",
        "_connected",
        "_fd",
        "_ipv6_socket",
        "_loop",
        "_queue",
        "_ref",
        "_refs_held",
        "_sock",
        "ipv6",
        "onmessage",
        "receiving",
        "send_queue_count",
        "send_queue_size",
    )

    def __init__(self, loop: Loop, ipv6: bool) -> None:
        self._loop = loop
        self.ipv6 = ipv6
        self._sock: socket.socket | None = None
        self._fd = -1
        self._ipv6_socket = False  # libuv's UV_HANDLE_IPV6: the socket is AF_INET6
        self._connected = False
        self._closed = False
        self._ref = True
        self._refs_held = 0
        self.receiving = False
        self.onmessage: Callable[[bytes | None, Address | None, int], None] | None = None
        # [buffers, address | None, callback | None, size]; made on first EAGAIN.
        self._queue: deque[list[Any]] | None = None
        self.send_queue_size = 0
        self.send_queue_count = 0

    # -- state -------------------------------------------------------------------

    @property
    def closed(self) -> bool:
        return self._closed

    def fileno(self) -> int:
        return self._fd

    def ref(self) -> None:
        self._ref = True
        self._update_refs()

    def unref(self) -> None:
        self._ref = False
        self._update_refs()

    def has_ref(self) -> bool:
        return self._ref

    def _update_refs(self) -> None:
        """Hold the loop: one ref while ref'd and receiving, one while sends are queued."""
        want = int(self._ref and self.receiving and not self._closed) + int(bool(self._queue))
        while self._refs_held < want:
            self._refs_held += 1
            self._loop.add_ref()
        while self._refs_held > want:
            self._refs_held -= 1
            self._loop.remove_ref()

    # -- socket creation -----------------------------------------------------------

    def _make_socket(self, family: int) -> int:
        try:
            sock = socket.socket(family, socket.SOCK_DGRAM)
        except OSError as exc:
            return _code(exc)
        sock.setblocking(False)
        self._sock = sock
        self._fd = sock.fileno()
        self._ipv6_socket = family == socket.AF_INET6
        return 0

    def _maybe_deferred_bind(self, family: int, flags: int) -> int:
        """``uv__udp_maybe_deferred_bind``: bind to the wildcard if there is no socket yet."""
        if self._sock is not None:
            return 0
        if self._closed:
            return errno.EBADF
        address: Address = ("0.0.0.0", 0) if family == socket.AF_INET else ("::", 0, 0, 0)
        return self._bind_address(family, address, flags)

    def _bind_address(self, family: int, address: Address, flags: int) -> int:
        if flags & UV_UDP_IPV6ONLY and family != socket.AF_INET6:
            return errno.EINVAL
        if self._sock is None:
            err = self._make_socket(family)
            if err:
                return err
        assert self._sock is not None
        try:
            if flags & UV_UDP_REUSEADDR:
                # libuv's uv__set_reuse: SO_REUSEADDR on Linux, SO_REUSEPORT on the BSDs.
                opt = socket.SO_REUSEADDR
                if sys.platform != "linux" and hasattr(socket, "SO_REUSEPORT"):
                    opt = socket.SO_REUSEPORT
                self._sock.setsockopt(socket.SOL_SOCKET, opt, 1)
            if flags & UV_UDP_IPV6ONLY:
                self._sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
            self._sock.bind(address)
        except OSError as exc:
            return _code(exc)
        self._ipv6_socket = family == socket.AF_INET6
        return 0

    def bind(self, address: Any, port: int, flags: int) -> int:
        """Node's ``UDPWrap::DoBind``: ``EINVAL`` for an address of the wrong family."""
        if self._closed:
            return errno.EBADF
        if self.ipv6:
            addr = _ip6_addr(address, port)
            family = socket.AF_INET6
        else:
            addr = _ip4_addr(address, port)
            family = socket.AF_INET
        if addr is None:
            return errno.EINVAL
        if self._sock is not None and self._sock.family != family:
            return errno.EINVAL
        return self._bind_address(family, addr, flags)

    def open(self, fd: int) -> int:
        """``uv_udp_open``: adopt a datagram socket descriptor."""
        if self._sock is not None:
            return errno.EBUSY
        if self._loop.is_watched(fd):  # uv__fd_exists: the loop already polls it.
            return errno.EEXIST
        try:
            sock = socket.socket(fileno=fd)
        except OSError as exc:
            return _code(exc)
        try:
            sock.setblocking(False)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        except OSError as exc:
            sock.detach()
            return _code(exc)
        self._sock = sock
        self._fd = fd
        self._ipv6_socket = sock.family == socket.AF_INET6
        try:
            sock.getpeername()
            self._connected = True
        except OSError:
            pass
        return 0

    # -- connect ---------------------------------------------------------------------

    def connect(self, address: Any, port: int) -> int:
        """``uv_udp_connect`` with Node's ``DoConnect`` address parsing."""
        addr = _ip6_addr(address, port) if self.ipv6 else _ip4_addr(address, port)
        if addr is None:
            return errno.EINVAL
        if self._connected:
            return errno.EISCONN
        err = self._maybe_deferred_bind(socket.AF_INET6 if self.ipv6 else socket.AF_INET, 0)
        if err:
            return err
        assert self._sock is not None
        try:
            self._sock.connect(addr)
        except OSError as exc:
            return _code(exc)
        self._connected = True
        return 0

    def disconnect(self) -> int:
        """``uv__udp_disconnect``: ``connect()`` to an ``AF_UNSPEC`` address."""
        if not self._connected:
            return errno.ENOTCONN
        if self._sock is None:
            return errno.EBADF
        err = _connect_unspec(self._fd)
        if err and err != errno.EAFNOSUPPORT:
            return err
        self._connected = False
        return 0

    # -- receiving ---------------------------------------------------------------------

    def recv_start(self) -> int:
        if self._closed:
            return errno.EBADF
        if self.receiving:
            return errno.EALREADY
        err = self._maybe_deferred_bind(socket.AF_INET6 if self.ipv6 else socket.AF_INET, 0)
        if err:
            return err
        self.receiving = True
        self._loop.watch_read(self._fd, self._on_readable)
        self._update_refs()
        return 0

    def recv_stop(self) -> int:
        if self.receiving:
            self.receiving = False
            if not self._closed:
                self._loop.unwatch_read(self._fd)
            self._update_refs()
        return 0

    def _on_readable(self) -> None:
        sock = self._sock
        onmessage = self.onmessage
        if sock is None or onmessage is None:
            return
        # Discussion: recvfrom(64 KiB) hands back an exact-size bytes object
        # (CPython shrinks the buffer in place); recvfrom_into a shared buffer
        # then bytes(view[:n]) measured 0.1-0.2 us slower per datagram here.
        recvfrom = sock.recvfrom
        loop = self._loop
        for _ in range(RECVS_PER_WAKEUP):
            try:
                data, addr = recvfrom(RECV_SIZE)
            except (BlockingIOError, InterruptedError):
                return
            except OSError as exc:
                onmessage(None, None, _code(exc))
                return
            onmessage(data, addr, 0)
            # Discussion: Node makes one MakeCallback per datagram, so the
            # nextTick queue drains between two 'message' events of a batch
            # (a send callback prints before the next message): do the same.
            loop.drain_ticks()
            if not self.receiving or self._closed:
                return

    # -- sending -----------------------------------------------------------------------

    def send(self, buffers: list[Buffer], address: Any, port: int | None,
             cb: SendCallback | None) -> tuple[int, int]:
        """Send one datagram made of ``buffers`` (to ``address:port`` unless connected).

        Returns ``(errno, sent)``: ``(0, n)`` is a synchronous completion
        (``cb`` is not called), ``(0, -1)`` means queued (``cb(err, n)`` runs
        later), ``(err, 0)`` a synchronous failure (Node's ``UDPWrap::Send``).
        """
        if self._closed or self._sock is None:
            return errno.EBADF, 0
        addr: Address | None = None
        if port is not None:
            addr = _ip6_addr(address, port) if self.ipv6 else _ip4_addr(address, port)
            if addr is None:
                return errno.EINVAL, 0
        if not self._queue:
            try:
                if len(buffers) == 1:
                    data = buffers[0]
                    sent = self._sock.send(data) if addr is None else self._sock.sendto(data, addr)
                elif addr is None:
                    sent = self._sock.sendmsg(buffers)
                else:
                    sent = self._sock.sendmsg(buffers, (), 0, addr)
            except (BlockingIOError, InterruptedError):
                pass
            except OSError as exc:
                return _code(exc), 0
            else:
                return 0, sent
        size = sum(len(memoryview(b).cast("B")) for b in buffers)
        if self._queue is None:
            self._queue = deque()
        if not self._queue:
            self._loop.watch_write(self._fd, self._on_writable)
        self._queue.append([buffers, addr, cb, size])
        self.send_queue_size += size
        self.send_queue_count += 1
        self._update_refs()
        return 0, -1

    def _on_writable(self) -> None:
        queue = self._queue
        sock = self._sock
        if not queue or sock is None:
            return
        done: list[tuple[SendCallback, int, int]] = []
        while queue:
            buffers, addr, cb, size = queue[0]
            try:
                sent = sock.sendmsg(buffers) if addr is None else sock.sendmsg(buffers, (), 0,
                                                                              addr)
                err = 0
            except (BlockingIOError, InterruptedError):
                break
            except OSError as exc:
                sent, err = 0, _code(exc)
            queue.popleft()
            self.send_queue_size -= size
            self.send_queue_count -= 1
            if cb is not None:
                done.append((cb, err, sent))
        if not queue:
            self._loop.unwatch_write(self._fd)
            self._update_refs()
        for cb, err, sent in done:
            cb(err, sent)

    # -- names and options -----------------------------------------------------------

    def getsockname(self) -> Address | int:
        if self._sock is None:
            return errno.EBADF
        try:
            return tuple(self._sock.getsockname())
        except OSError as exc:
            return _code(exc)

    def getpeername(self) -> Address | int:
        if self._sock is None:
            return errno.EBADF
        try:
            return tuple(self._sock.getpeername())
        except OSError as exc:
            return _code(exc)

    @property
    def socket_family(self) -> int:
        """The socket's family (``AF_INET6`` for udp6), whatever the handle type."""
        return socket.AF_INET6 if self._ipv6_socket else socket.AF_INET

    def _setsockopt(self, option4: int, option6: int, value: int | bytes) -> int:
        """``uv__setsockopt``: the IPv6 option on an IPv6 socket, else the IPv4 one."""
        if self._sock is None:
            return errno.EBADF
        try:
            if self._ipv6_socket:
                self._sock.setsockopt(socket.IPPROTO_IPV6, option6, value)
            else:
                self._sock.setsockopt(socket.IPPROTO_IP, option4, value)
        except OSError as exc:
            return _code(exc)
        return 0

    def set_broadcast(self, on: bool) -> int:
        if self._sock is None:
            return errno.EBADF
        try:
            self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, int(on))
        except OSError as exc:
            return _code(exc)
        return 0

    def set_ttl(self, ttl: int) -> int:
        if ttl < 1 or ttl > 255:
            return errno.EINVAL
        return self._setsockopt(socket.IP_TTL, socket.IPV6_UNICAST_HOPS, ttl)

    def set_multicast_ttl(self, ttl: int) -> int:
        if ttl < 0 or ttl > 255:  # uv__setsockopt_maybe_char
            return errno.EINVAL
        return self._setsockopt(socket.IP_MULTICAST_TTL, socket.IPV6_MULTICAST_HOPS, ttl)

    def set_multicast_loop(self, on: bool) -> int:
        return self._setsockopt(socket.IP_MULTICAST_LOOP, socket.IPV6_MULTICAST_LOOP, int(on))

    def set_multicast_interface(self, interface: str | None) -> int:
        """``uv_udp_set_multicast_interface``."""
        if interface is None:
            v6 = self._ipv6_socket
            addr4: Address | None = None if v6 else ("0.0.0.0", 0)
            addr6: Address | None = ("::", 0, 0, 0) if v6 else None
        else:
            addr4 = _ip4_addr(interface, 0)
            addr6 = None if addr4 is not None else _ip6_addr(interface, 0)
            if addr4 is None and addr6 is None:
                return errno.EINVAL
        if self._sock is None:
            return errno.EBADF
        try:
            if addr4 is not None:
                self._sock.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_IF,
                                      socket.inet_aton(addr4[0]))
            else:
                assert addr6 is not None
                self._sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_IF, addr6[3])
        except OSError as exc:
            return _code(exc)
        return 0

    def set_membership(self, group: Any, interface: Any, join: bool) -> int:
        """``uv_udp_set_membership``: join or leave ``group`` (any-source)."""
        if _ip4_addr(group, 0) is not None:
            err = self._maybe_deferred_bind(socket.AF_INET, UV_UDP_REUSEADDR)
            if err:
                return err
            iface = b"\0\0\0\0"
            if interface is not None:
                if _ip4_addr(interface, 0) is None:
                    return errno.EINVAL
                iface = socket.inet_aton(interface)
            mreq = socket.inet_aton(group) + iface
            option = socket.IP_ADD_MEMBERSHIP if join else socket.IP_DROP_MEMBERSHIP
            return self._sockopt(socket.IPPROTO_IP, option, mreq)
        addr6 = _ip6_addr(group, 0)
        if addr6 is None:
            return errno.EINVAL
        err = self._maybe_deferred_bind(socket.AF_INET6, UV_UDP_REUSEADDR)
        if err:
            return err
        index = 0
        if interface is not None:
            iface6 = _ip6_addr(interface, 0)
            if iface6 is None:
                return errno.EINVAL
            index = iface6[3]
        mreq6 = socket.inet_pton(socket.AF_INET6, addr6[0]) + struct.pack("@I", index)
        option = socket.IPV6_JOIN_GROUP if join else socket.IPV6_LEAVE_GROUP
        return self._sockopt(socket.IPPROTO_IPV6, option, mreq6)

    def set_source_membership(self, source: str, group: str, interface: Any, join: bool) -> int:
        """``uv_udp_set_source_membership``: join or leave ``(source, group)``."""
        group6 = _ip6_addr(group, 0)
        if group6 is None:
            if _ip4_addr(group, 0) is None or _ip4_addr(source, 0) is None:
                return errno.EINVAL
            err = self._maybe_deferred_bind(socket.AF_INET, UV_UDP_REUSEADDR)
            if err:
                return err
            iface = b"\0\0\0\0"
            if interface is not None:
                if _ip4_addr(interface, 0) is None:
                    return errno.EINVAL
                iface = socket.inet_aton(interface)
            # struct ip_mreq_source (Linux): multiaddr, interface, sourceaddr.
            mreq = socket.inet_aton(group) + iface + socket.inet_aton(source)
            option = _IP_ADD_SOURCE_MEMBERSHIP if join else _IP_DROP_SOURCE_MEMBERSHIP
            return self._sockopt(socket.IPPROTO_IP, option, mreq)
        source6 = _ip6_addr(source, 0)
        if source6 is None:
            return errno.EINVAL
        err = self._maybe_deferred_bind(socket.AF_INET6, UV_UDP_REUSEADDR)
        if err:
            return err
        index = 0
        if interface is not None:
            iface6 = _ip6_addr(interface, 0)
            if iface6 is None:
                return errno.EINVAL
            index = iface6[3]
        # struct group_source_req: interface, then two sockaddr_storage (8-aligned).
        gsr = (struct.pack("@I4x", index) + _sockaddr_in6(group6[0]) + _sockaddr_in6(source6[0]))
        option = _MCAST_JOIN_SOURCE_GROUP if join else _MCAST_LEAVE_SOURCE_GROUP
        return self._sockopt(socket.IPPROTO_IPV6, option, gsr)

    def _sockopt(self, level: int, option: int, value: bytes) -> int:
        if self._sock is None:
            return errno.EBADF
        try:
            self._sock.setsockopt(level, option, value)
        except OSError as exc:
            return _code(exc)
        return 0

    def buffer_size(self, size: int, recv: bool) -> tuple[int, int]:
        """``uv_recv_buffer_size``/``uv_send_buffer_size``: ``(errno, value)``; 0 reads."""
        if self._sock is None:
            return errno.EBADF, 0
        option = socket.SO_RCVBUF if recv else socket.SO_SNDBUF
        try:
            if size == 0:
                return 0, self._sock.getsockopt(socket.SOL_SOCKET, option)
            self._sock.setsockopt(socket.SOL_SOCKET, option, size)
        except OSError as exc:
            return _code(exc), 0
        return 0, size

    # -- closing -----------------------------------------------------------------------

    def close(self, cb: Callable[[], None] | None = None) -> None:
        """Close now; queued sends fail with ``ECANCELED``, then ``cb``, in the close phase."""
        if self._closed:
            return
        self._closed = True
        self.receiving = False
        if self._sock is not None:
            self._loop.unwatch(self._fd)
            self._sock.close()
        cancelled = [(entry[2]) for entry in self._queue or () if entry[2] is not None]
        self._queue = None
        self.send_queue_size = 0
        self.send_queue_count = 0
        self._update_refs()
        self._loop.call_close(self._after_close, cancelled, cb)

    @staticmethod
    def _after_close(cancelled: list[SendCallback], cb: Callable[[], None] | None) -> None:
        for send_cb in cancelled:
            send_cb(errno.ECANCELED, 0)
        if cb is not None:
            cb()


def _sockaddr_in6(host: str) -> bytes:
    """A ``sockaddr_in6`` padded to a ``sockaddr_storage`` (128 bytes)."""
    family = struct.pack("=H", socket.AF_INET6) if sys.platform == "linux" else \
        struct.pack("BB", 28, socket.AF_INET6)
    raw = family + b"\0\0" + b"\0\0\0\0" + socket.inet_pton(socket.AF_INET6, host) + b"\0" * 4
    return raw + b"\0" * (128 - len(raw))


_libc: Any = None


def _connect_unspec(fd: int) -> int:
    """``connect(fd, {AF_UNSPEC})``: dissolve a UDP association (no socket-module API)."""
    global _libc
    if _libc is None:
        _libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    addr = (ctypes.c_char * 16)()
    if sys.platform == "linux":
        struct.pack_into("=H", addr, 0, socket.AF_UNSPEC)
    else:  # BSD layout: sa_len, sa_family
        struct.pack_into("BB", addr, 0, 16, socket.AF_UNSPEC)
    if _libc.connect(fd, addr, ctypes.sizeof(addr)) == -1:
        return ctypes.get_errno() or errno.EIO
    return 0


