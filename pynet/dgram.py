"""``dgram``: Node's UDP sockets (``lib/dgram.js``, ``lib/internal/dgram.js``, v20).

Theory of operation
-------------------
A :class:`Socket` is an :class:`~pynet.events.EventEmitter` around a
:class:`~pynet._handles.udp.UDPHandle`; the functions below follow
``lib/dgram.js`` one by one (``Socket``, ``bind``, ``startListening``,
``connect``/``_connect``/``doConnect``, ``send``/``doSend``/``afterSend``,
``enqueue``/``clearQueue``, ``close``/``socketCloseNT``, ``bufferSize``,
``onMessage``), and ``newHandle``/``lookup4``/``lookup6`` of
``internal/dgram.js``.

* **Bind** resolves the address first (``dns.lookup``, or the ``lookup``
  option; an IP literal answers on the next tick), then binds the handle,
  starts receiving and emits ``'listening'`` (``startListening``).  A bind
  error is emitted as ``'error'`` (``bind EADDRINUSE 0.0.0.0:41234``).
* **Send** on an unbound socket binds it implicitly (port 0) and queues the
  datagram (and any later ``send``/``connect``/``close``) until
  ``'listening'``; an ``'error'`` before that drops the queue, as Node's
  ``errorMonitor`` listener does.  Each ``send`` looks its address up, then
  the handle sends at once: the callback gets ``(None, bytes)`` on the next
  tick; a send error goes to the callback only (Node does not emit it).
* **Receive**: the handle reports each datagram; ``'message'`` gets ``(msg,
  rinfo)`` with ``rinfo`` ``{address, family, port, size}``; a receive error
  (``recvmsg ECONNREFUSED``) is emitted as ``'error'``.
* **Close** closes the handle at once and emits ``'close'`` on the next tick.

Invariants
----------
* ``self._handle`` is None exactly after :meth:`Socket.close` (Node's
  ``healthCheck`` raises ``ERR_SOCKET_DGRAM_NOT_RUNNING`` then).
* ``bind_state`` goes UNBOUND → BINDING → BOUND (back to UNBOUND on a bind
  error); ``connect_state`` DISCONNECTED → CONNECTING → CONNECTED.
* Bad arguments raise synchronously with Node's codes and messages; setters
  raise system errors synchronously where Node throws them (``setTTL
  EBADF``, mapping §13); every other system error is emitted or passed to a
  callback.

Deliberate differences: ``cluster`` handle sharing and the deprecated
private members (``_handle``, ``_healthCheck``…) are not ported.

# Discussion: undefined.  Node tells ``undefined`` from ``null`` in a few of
these messages (``Port should be > 0 and < 65536. Received undefined.``);
Python has one ``None``.  Arguments left out default to :data:`_UNDEFINED`,
so an omitted port reads ``undefined`` and an explicit ``None`` reads
``null``, as mapping §13 asks.
"""

from __future__ import annotations

import errno as _errno
import os
from collections.abc import Callable, Mapping
from typing import Any

from pynet import dns as _dns
from pynet import errors
from pynet._core.loop import Loop, get_loop
from pynet._handles.fd import guess_handle_type
from pynet._handles.udp import UV_UDP_IPV6ONLY, UV_UDP_REUSEADDR, UDPHandle
from pynet._js.call import fit_args
from pynet._js.ip import isIP
from pynet._js.nodeobject import NodeObject
from pynet._js.number import is_int32, is_number, to_number, to_uint32
from pynet._js.validators import (
    invalid_arg_type,
    validate_function,
    validate_number,
    validate_port,
    validate_string,
    validate_uint32,
)
from pynet._js.value import to_string
from pynet.abort import AbortSignal
from pynet.events import EventEmitter

__all__ = ["Socket", "createSocket"]

BIND_STATE_UNBOUND = 0
BIND_STATE_BINDING = 1
BIND_STATE_BOUND = 2

CONNECT_STATE_DISCONNECTED = 0
CONNECT_STATE_CONNECTING = 1
CONNECT_STATE_CONNECTED = 2

_BUFFER_TYPES = ["Buffer", "TypedArray", "DataView", "string"]
_DNS_LOOKUP = _dns.lookup


class _Undefined:
    """JavaScript's ``undefined``: an argument that was not passed."""

    __slots__ = ()

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "undefined"


_UNDEFINED: Any = _Undefined()


def _invalid_type(name: str, expected: str | list[str], value: Any) -> errors.NodeError:
    """``ERR_INVALID_ARG_TYPE``, with ``Received undefined`` for an omitted argument."""
    if value is not _UNDEFINED:
        return invalid_arg_type(name, expected, value)
    err = invalid_arg_type(name, expected, None)
    err.message = err.message.removesuffix("null") + "undefined"
    err.args = (err.message,)
    return err


def _validate_port(port: Any) -> int:
    """``validatePort(port, 'Port', false)`` with ``undefined`` spelled as Node does."""
    if port is _UNDEFINED:
        raise errors.ERR_SOCKET_BAD_PORT("Port should be > 0 and < 65536. Received undefined.")
    return validate_port(port, "Port", False)


_IP_LITERALS: dict[str, bool] = {}


def _is_ip_literal(address: Any) -> bool:
    """``net.isIP(address) != 0``, remembered for recent strings (the send path asks
    it once per datagram)."""
    if type(address) is not str:
        return False
    known = _IP_LITERALS.get(address)
    if known is None:
        known = bool(isIP(address))
        if len(_IP_LITERALS) >= 4096:
            _IP_LITERALS.clear()
        _IP_LITERALS[address] = known
    return known


def _js_call(fn: Callable[..., Any], *args: Any) -> Any:
    """Call a user function as JavaScript would (mapping §5)."""
    return fn(*fit_args(fn, args))


def _is_buffer(value: Any) -> bool:
    return isinstance(value, (bytes, bytearray, memoryview))


def _to_uint32(value: Any) -> int:
    """JavaScript's ``value >>> 0`` of any value (``Number(value)`` first)."""
    return to_uint32(to_number(value))


def _slice_buffer(buffer: Any, offset: Any, length: Any) -> memoryview:
    """``sliceBuffer``: ``buffer[offset:offset + length]`` without a copy."""
    if isinstance(buffer, str):
        buffer = buffer.encode()
    elif not _is_buffer(buffer):
        raise _invalid_type("buffer", _BUFFER_TYPES, buffer)
    view = memoryview(buffer).cast("B")
    start = _to_uint32(offset)
    size = _to_uint32(length)
    if start > view.nbytes:
        raise errors.ERR_BUFFER_OUT_OF_BOUNDS('"offset" is outside of buffer bounds')
    if start + size > view.nbytes:
        raise errors.ERR_BUFFER_OUT_OF_BOUNDS('"length" is outside of buffer bounds')
    return view[start:start + size]


def _fix_buffer_list(items: list[Any] | tuple[Any, ...]) -> list[Any] | None:
    out: list[Any] = []
    for item in items:
        if isinstance(item, str):
            out.append(item.encode())
        elif not _is_buffer(item):
            return None
        else:
            out.append(item)
    return out


def _sockaddr_to_js(addr: tuple[Any, ...], family: str) -> NodeObject:
    """Node's ``AddressToJS``: ``{address, family, port}``."""
    return NodeObject(address=addr[0], family=family, port=addr[1])


class Socket(EventEmitter):
    """``dgram.Socket``: a UDP socket (``'message'``, ``'listening'``, ``'connect'``,
    ``'close'``, ``'error'``)."""

    def __init__(self, type: Any, listener: Any = None, **options: Any) -> None:  # noqa: A002
        super().__init__()
        lookup: Any = None
        recv_buffer_size: Any = None
        send_buffer_size: Any = None
        opts: Mapping[str, Any] | None = None
        if options:
            base = type if isinstance(type, Mapping) else {} if type is None else {"type": type}
            type = {**base, **options}  # noqa: A001
        if isinstance(type, Mapping):
            opts = type
            type = opts.get("type")  # noqa: A001
            lookup = opts.get("lookup")
            if opts.get("recvBufferSize"):
                validate_uint32(opts["recvBufferSize"], "options.recvBufferSize")
            if opts.get("sendBufferSize"):
                validate_uint32(opts["sendBufferSize"], "options.sendBufferSize")
            recv_buffer_size = opts.get("recvBufferSize")
            send_buffer_size = opts.get("sendBufferSize")
        self._loop: Loop = get_loop()
        self._handle: UDPHandle | None = self._new_handle(type, lookup)
        self.type = type
        if callable(listener):
            self.on("message", listener)
        self._receiving = False
        self._bind_state = BIND_STATE_UNBOUND
        self._connect_state = CONNECT_STATE_DISCONNECTED
        self._queue: list[Callable[[], Any]] | None = None
        self._reuse_addr = bool(opts and opts.get("reuseAddr"))
        self._ipv6_only = bool(opts and opts.get("ipv6Only"))
        self._recv_buffer_size = recv_buffer_size
        self._send_buffer_size = send_buffer_size
        self._family = "IPv6" if type == "udp6" else "IPv4"
        if opts is not None and opts.get("signal") is not None:
            signal = opts["signal"]
            if not isinstance(signal, AbortSignal):
                raise invalid_arg_type("options.signal", "AbortSignal", signal)

            def on_aborted() -> None:
                if self._handle is not None:
                    self.close()

            if signal.aborted:
                on_aborted()
            else:
                signal.addEventListener("abort", on_aborted)
                self.once("close", lambda: signal.removeEventListener("abort", on_aborted))

    # -- internal/dgram.js ------------------------------------------------------------

    def _new_handle(self, type: Any, lookup: Any) -> UDPHandle:  # noqa: A002
        """``newHandle``: the handle and its ``lookup4``/``lookup6``."""
        if lookup is None:
            self._lookup_fn: Callable[..., Any] | None = None
        else:
            self._lookup_fn = validate_function(lookup, "lookup")
        if type == "udp4" and isinstance(type, str):
            return UDPHandle(self._loop, ipv6=False)
        if type == "udp6" and isinstance(type, str):
            return UDPHandle(self._loop, ipv6=True)
        raise errors.ERR_SOCKET_BAD_TYPE()

    def _lookup(self, address: Any, callback: Callable[..., Any]) -> None:
        """``lookup4``/``lookup6``: the default host, then ``dns.lookup`` (or the option)."""
        assert self._handle is not None
        ipv6 = self._handle.ipv6
        if not address:
            address = "::1" if ipv6 else "127.0.0.1"
        if self._lookup_fn is None:
            lookup = _dns.lookup  # Read at each call: a test may replace it, as in Node.
            # Discussion: dns.lookup answers an IP literal on the next tick;
            # doing exactly that here skips its argument handling on the send
            # path (one lookup per datagram, as Node makes).
            if lookup is _DNS_LOOKUP and _is_ip_literal(address):
                self._loop.next_tick(callback, None, address)
                return
            lookup(address, 6 if ipv6 else 4, callback)
        else:
            _js_call(self._lookup_fn, address, 6 if ipv6 else 4, callback)

    # -- bind ---------------------------------------------------------------------------

    def _health_check(self) -> UDPHandle:
        if self._handle is None:
            raise errors.ERR_SOCKET_DGRAM_NOT_RUNNING()
        return self._handle

    def _start_listening(self) -> None:
        """``startListening``."""
        handle = self._handle
        assert handle is not None
        handle.onmessage = self._on_message
        handle.recv_start()
        self._receiving = True
        self._bind_state = BIND_STATE_BOUND
        if self._recv_buffer_size:
            self._buffer_size(self._recv_buffer_size, True)
        if self._send_buffer_size:
            self._buffer_size(self._send_buffer_size, False)
        self.emit("listening")

    def bind(self, *args: Any, **options: Any) -> Socket:
        """``bind([port][, address][, callback])`` or ``bind(options[, callback])``."""
        if options:
            args = ({**(args[0] if args and isinstance(args[0], Mapping) else {}), **options},
                    *args[1:])
        port: Any = args[0] if args else _UNDEFINED
        address_arg: Any = args[1] if len(args) > 1 else _UNDEFINED
        handle = self._health_check()
        if self._bind_state != BIND_STATE_UNBOUND:
            raise errors.ERR_SOCKET_ALREADY_BOUND()
        self._bind_state = BIND_STATE_BINDING

        cb = args[-1] if args else None
        if callable(cb):
            def remove_listeners(*_: Any) -> None:
                self.removeListener("error", remove_listeners)
                self.removeListener("listening", on_listening)

            def on_listening() -> None:
                remove_listeners()
                _js_call(cb)

            self.on("error", remove_listeners)
            self.on("listening", on_listening)

        if isinstance(port, Mapping) and is_int32(port.get("fd")) and port["fd"] > 0:
            fd = port["fd"]
            kind = guess_handle_type(fd)
            if kind != "UDP":
                raise errors.ERR_INVALID_FD_TYPE(kind)
            err = handle.open(fd)
            if err:
                raise errors.errno_exception(err, "open")
            self._start_listening()
            return self

        if isinstance(port, Mapping):
            address = port.get("address") or ""
            port = port.get("port")
        else:
            address = "" if callable(address_arg) else address_arg
        if not address:
            address = "0.0.0.0" if self.type == "udp4" else "::"

        def after_lookup(err: Any = None, ip: Any = None, *_: Any) -> None:
            if self._handle is None:
                return  # Closed in the meantime.
            if err:
                self._bind_state = BIND_STATE_UNBOUND
                self._emit_error(err)
                return
            flags = 0
            if self._reuse_addr:
                flags |= UV_UDP_REUSEADDR
            if self._ipv6_only:
                flags |= UV_UDP_IPV6ONLY
            code = self._handle.bind(ip, _to_uint32(port) & 0xFFFF if port else 0, flags)
            if code:
                shown = None if port is _UNDEFINED else port
                self._bind_state = BIND_STATE_UNBOUND
                self._emit_error(errors.exception_with_host_port(code, "bind", ip, shown))
                return
            self._start_listening()

        self._lookup(address, after_lookup)
        return self

    # -- connect ------------------------------------------------------------------------

    def connect(self, port: Any = _UNDEFINED, address: Any = _UNDEFINED,
                callback: Any = None) -> None:
        """``connect(port[, address][, callback])``: ``'connect'`` once associated."""
        port = _validate_port(port)
        if callable(address):
            callback, address = address, ""
        elif address is _UNDEFINED:
            address = ""
        validate_string(address, "address")
        if self._connect_state != CONNECT_STATE_DISCONNECTED:
            raise errors.ERR_SOCKET_DGRAM_IS_CONNECTED()
        self._connect_state = CONNECT_STATE_CONNECTING
        if self._bind_state == BIND_STATE_UNBOUND:
            self.bind({"port": 0, "exclusive": True}, None)
        if self._bind_state != BIND_STATE_BOUND:
            self._enqueue(lambda: self._connect(port, address, callback))
            return
        self._connect(port, address, callback)

    def _connect(self, port: int, address: str, callback: Any) -> None:
        if callback:
            self.once("connect", callback)

        def after_dns(ex: Any = None, ip: Any = None, *_: Any) -> None:
            self._do_connect(ex, ip, address, port, callback)

        self._lookup(address, after_dns)

    def _do_connect(self, ex: Any, ip: Any, address: str, port: int, callback: Any) -> None:
        handle = self._handle
        if handle is None:
            return
        if not ex:
            code = handle.connect(ip, port)
            if code:
                ex = errors.exception_with_host_port(code, "connect", address, port)
        if ex:
            self._connect_state = CONNECT_STATE_DISCONNECTED

            def report() -> None:
                if callback:
                    self.removeListener("connect", callback)
                    _js_call(callback, ex)
                else:
                    self._emit_error(ex)

            self._loop.next_tick(report)
            return
        self._connect_state = CONNECT_STATE_CONNECTED
        self._loop.next_tick(self.emit, "connect")

    def disconnect(self) -> None:
        """Dissolve the association made by :meth:`connect` (``ERR_SOCKET_DGRAM_NOT_CONNECTED``
        if there is none)."""
        if self._connect_state != CONNECT_STATE_CONNECTED:
            raise errors.ERR_SOCKET_DGRAM_NOT_CONNECTED()
        assert self._handle is not None
        code = self._handle.disconnect()
        if code:
            raise errors.errno_exception(code, "connect")
        self._connect_state = CONNECT_STATE_DISCONNECTED

    # -- send ---------------------------------------------------------------------------

    def sendto(self, buffer: Any = _UNDEFINED, offset: Any = _UNDEFINED,
               length: Any = _UNDEFINED, port: Any = _UNDEFINED, address: Any = _UNDEFINED,
               callback: Any = _UNDEFINED) -> None:
        """The legacy ``sendto``: every argument required."""
        for name, value, kind in (("offset", offset, "number"), ("length", length, "number"),
                                  ("port", port, "number"), ("address", address, "string")):
            if value is _UNDEFINED:
                raise _invalid_type(name, kind, value)
            if kind == "number":
                validate_number(value, name)
            else:
                validate_string(value, name)
        self.send(buffer, offset, length, port, address, callback)

    def send(self, buffer: Any = _UNDEFINED, offset: Any = _UNDEFINED, length: Any = _UNDEFINED,
             port: Any = _UNDEFINED, address: Any = _UNDEFINED,
             callback: Any = _UNDEFINED) -> None:
        """``send(msg[, offset, length][, port][, address][, callback])``, all of Node's forms."""
        # Fast path for the reply form send(msg, port, address[, callback]) of a
        # bound, unconnected socket to an IP literal: the same steps as below
        # (and as Node's), without the argument juggling.
        if (type(offset) is int and type(length) is str and address is _UNDEFINED
                and self._bind_state == BIND_STATE_BOUND and type(buffer) is bytes
                and self._connect_state == CONNECT_STATE_DISCONNECTED
                and 0 < offset <= 0xFFFF and self._handle is not None
                and self._lookup_fn is None and _dns.lookup is _DNS_LOOKUP
                and (port is _UNDEFINED or port is None or callable(port))
                and _is_ip_literal(length)):
            if port is _UNDEFINED:
                port = None
            self._loop.next_tick(self._do_send, None, length, [buffer], length, offset, port)
            return
        connected = self._connect_state == CONNECT_STATE_CONNECTED
        if not connected:
            if address or (port and not callable(port)):
                buffer = _slice_buffer(buffer, offset, length)
            else:
                callback, port, address = port, offset, length
        else:
            if is_number(length):
                buffer = _slice_buffer(buffer, offset, length)
                if callable(port):
                    callback, port = port, None
            else:
                callback = offset
            if port or address:
                raise errors.ERR_SOCKET_DGRAM_IS_CONNECTED()

        if not isinstance(buffer, (list, tuple)):
            if isinstance(buffer, str):
                data = [buffer.encode()]
            elif not _is_buffer(buffer):
                raise _invalid_type("buffer", _BUFFER_TYPES, buffer)
            else:
                data = [buffer]
        else:
            fixed = _fix_buffer_list(buffer)
            if fixed is None:
                raise invalid_arg_type("buffer list arguments", _BUFFER_TYPES, buffer)
            data = fixed

        if not connected:
            port = _validate_port(port)
        if not callable(callback):
            callback = None
        if callable(address):
            callback, address = address, None
        elif address is not None and address is not _UNDEFINED:
            validate_string(address, "address")
        if address is _UNDEFINED:
            address = None

        self._health_check()
        if self._bind_state == BIND_STATE_UNBOUND:
            self.bind({"port": 0, "exclusive": True}, None)
        if not data:
            data.append(b"")
        if self._bind_state != BIND_STATE_BOUND:
            self._enqueue(lambda: self.send(data, port, address, callback))
            return
        if not connected:
            self._lookup(address, lambda ex=None, ip=None, *_: self._do_send(
                ex, ip, data, address, port, callback))
        else:
            self._do_send(None, None, data, address, None, callback)

    def _do_send(self, ex: Any, ip: Any, data: list[Any], address: Any, port: Any,
                 callback: Any) -> None:
        if ex:
            if callback is not None:
                self._loop.next_tick(_js_call, callback, ex)
            else:
                self._loop.next_tick(self._emit_error, ex)
            return
        handle = self._handle
        if handle is None:
            return
        on_complete: Callable[[int, int], None] | None = None
        if callback is not None:
            def after_send(code: int, sent: int) -> None:
                """``afterSend``: a queued datagram went out, failed, or was cancelled."""
                err = errors.exception_with_host_port(code, "send", address, port) \
                    if code else None
                _js_call(callback, err, sent if not code else None)
            on_complete = after_send
        code, sent = handle.send(data, ip, port or None, on_complete)
        if not code:
            if sent >= 0 and callback is not None:  # A synchronous finish.
                self._loop.next_tick(_js_call, callback, None, sent)
            return
        if callback is not None:
            # Not emitted as 'error' (dgram_legacy.js compatibility).
            err = errors.exception_with_host_port(code, "send", address, port)
            self._loop.next_tick(_js_call, callback, err)

    # -- the queue of calls made before 'listening' -----------------------------------------

    def _enqueue(self, call: Callable[[], Any]) -> None:
        if self._queue is None:
            self._queue = []
            self.once("listening", self._on_listen_success)
        self._queue.append(call)

    def _on_listen_success(self) -> None:
        queue, self._queue = self._queue, None
        for call in queue or ():
            call()

    def _emit_error(self, err: Any) -> None:
        """``emit('error')`` with Node's ``errorMonitor`` listener of ``enqueue`` first."""
        if self._queue is not None:
            self.removeListener("listening", self._on_listen_success)
            self._queue = None
        self.emit("error", err)

    # -- close --------------------------------------------------------------------------

    def close(self, callback: Any = None) -> Socket:
        """Close; ``'close'`` follows on the next tick (``callback`` is a ``'close'`` listener)."""
        if callable(callback):
            self.on("close", callback)
        if self._queue is not None:
            self._queue.append(self.close)
            return self
        handle = self._health_check()
        self._stop_receiving()
        handle.close()
        self._handle = None
        self._loop.next_tick(self.emit, "close")
        return self

    def _stop_receiving(self) -> None:
        if not self._receiving:
            return
        assert self._handle is not None
        self._handle.recv_stop()
        self._receiving = False

    # -- receive ------------------------------------------------------------------------

    def _on_message(self, data: bytes | None, addr: Any, code: int) -> None:
        """``onMessage``: one datagram, or a receive error."""
        if data is None:
            self.emit("error", errors.errno_exception(code, "recvmsg"))
            return
        self.emit("message", data, NodeObject(address=addr[0], family=self._family,
                                              port=addr[1], size=len(data)))

    # -- names --------------------------------------------------------------------------

    def address(self) -> NodeObject:
        """``{address, family, port}`` of the bound socket."""
        handle = self._health_check()
        out = handle.getsockname()
        if isinstance(out, int):
            raise errors.errno_exception(out, "getsockname")
        return _sockaddr_to_js(out, "IPv6" if len(out) == 4 else "IPv4")

    def remoteAddress(self) -> NodeObject:
        """``{address, family, port}`` of the peer of a connected socket."""
        handle = self._health_check()
        if self._connect_state != CONNECT_STATE_CONNECTED:
            raise errors.ERR_SOCKET_DGRAM_NOT_CONNECTED()
        out = handle.getpeername()
        if isinstance(out, int):
            raise errors.errno_exception(out, "getpeername")
        return _sockaddr_to_js(out, "IPv6" if len(out) == 4 else "IPv4")

    # -- options ------------------------------------------------------------------------

    def _raw_handle(self, method: str) -> UDPHandle:
        """The handle for a method that Node calls without ``healthCheck``: after
        ``close()`` Node fails reading ``method`` off a null handle."""
        handle = self._handle
        if handle is None:
            raise TypeError(f"Cannot read properties of null (reading '{method}')")
        return handle

    def setBroadcast(self, arg: Any) -> None:
        """Allow (or not) sending to broadcast addresses (``SO_BROADCAST``)."""
        code = self._raw_handle("setBroadcast").set_broadcast(bool(arg))
        if code:
            raise errors.errno_exception(code, "setBroadcast")

    def setTTL(self, ttl: Any) -> Any:
        """Hop limit of unicast datagrams (1-255); returns ``ttl``."""
        validate_number(ttl, "ttl")
        code = self._raw_handle("setTTL").set_ttl(_to_int32(ttl))
        if code:
            raise errors.errno_exception(code, "setTTL")
        return ttl

    def setMulticastTTL(self, ttl: Any) -> Any:
        """Hop limit of multicast datagrams (0-255); returns ``ttl``."""
        validate_number(ttl, "ttl")
        code = self._raw_handle("setMulticastTTL").set_multicast_ttl(_to_int32(ttl))
        if code:
            raise errors.errno_exception(code, "setMulticastTTL")
        return ttl

    def setMulticastLoopback(self, arg: Any) -> Any:
        """Deliver (or not) multicast sent from this host back to it; returns ``arg``."""
        code = self._raw_handle("setMulticastLoopback").set_multicast_loop(bool(arg))
        if code:
            raise errors.errno_exception(code, "setMulticastLoopback")
        return arg

    def setMulticastInterface(self, interfaceAddress: Any) -> None:
        """Pick the outgoing interface for multicast by its address (IPv4) or
        ``%scope`` (IPv6)."""
        handle = self._health_check()
        validate_string(interfaceAddress, "interfaceAddress")
        code = handle.set_multicast_interface(interfaceAddress)
        if code:
            raise errors.errno_exception(code, "setMulticastInterface")

    def addMembership(self, multicastAddress: Any = None,
                      interfaceAddress: Any = None) -> None:
        """Join the multicast group ``multicastAddress`` (on ``interfaceAddress``, or the
        kernel's choice); binds the socket implicitly if needed (libuv's deferred bind)."""
        self._membership(multicastAddress, interfaceAddress, True, "addMembership")

    def dropMembership(self, multicastAddress: Any = None,
                       interfaceAddress: Any = None) -> None:
        """Leave the multicast group joined with :meth:`addMembership`."""
        self._membership(multicastAddress, interfaceAddress, False, "dropMembership")

    def _membership(self, group: Any, interface: Any, join: bool, syscall: str) -> None:
        handle = self._health_check()
        if not group:
            raise errors.ERR_MISSING_ARGS('The "multicastAddress" argument must be specified')
        code = handle.set_membership(to_string(group),
                                     None if interface is None else to_string(interface), join)
        if code:
            raise errors.errno_exception(code, syscall)

    def addSourceSpecificMembership(self, sourceAddress: Any,
                                    groupAddress: Any,
                                    interfaceAddress: Any = None) -> None:
        """Join the source-specific group (``sourceAddress``, ``groupAddress``)."""
        self._source_membership(sourceAddress, groupAddress, interfaceAddress, True,
                                "addSourceSpecificMembership")

    def dropSourceSpecificMembership(self, sourceAddress: Any,
                                     groupAddress: Any,
                                     interfaceAddress: Any = None) -> None:
        """Leave a group joined with :meth:`addSourceSpecificMembership`."""
        self._source_membership(sourceAddress, groupAddress, interfaceAddress, False,
                                "dropSourceSpecificMembership")

    def _source_membership(self, source: Any, group: Any, interface: Any, join: bool,
                           syscall: str) -> None:
        handle = self._health_check()
        validate_string(source, "sourceAddress")
        validate_string(group, "groupAddress")
        code = handle.set_source_membership(
            source, group, None if interface is None else to_string(interface), join)
        if code:
            raise errors.errno_exception(code, syscall)

    def _buffer_size(self, size: Any, recv: bool) -> int:
        """``bufferSize``: set (``size`` > 0) or read (0) a kernel buffer size."""
        if isinstance(size, bool) or not is_number(size) or _to_uint32(size) != size:
            raise errors.ERR_SOCKET_BAD_BUFFER_SIZE()
        handle = self._raw_handle("bufferSize")
        syscall = "uv_recv_buffer_size" if recv else "uv_send_buffer_size"
        size = int(size)
        code = _errno.EINVAL if size > 2**31 - 1 else 0
        value = 0
        if not code:
            code, value = handle.buffer_size(size, recv)
        if code:
            name = _errno.errorcode.get(code, str(code))
            # libuv's uv_strerror text; for the codes these calls give (EBADF,
            # EINVAL, ENOTSOCK, ENOBUFS) it is C's strerror in lower case.
            text = os.strerror(code).lower()
            info = NodeObject(errno=code, code=name, message=text, syscall=syscall)
            raise errors.ERR_SOCKET_BUFFER_SIZE(f"{syscall} returned {name} ({text})",
                                                info=info, errno=code, syscall=syscall)
        return value

    def setRecvBufferSize(self, size: Any) -> None:
        """Set ``SO_RCVBUF`` (``ERR_SOCKET_BUFFER_SIZE`` before bind)."""
        self._buffer_size(size, True)

    def setSendBufferSize(self, size: Any) -> None:
        """Set ``SO_SNDBUF`` (``ERR_SOCKET_BUFFER_SIZE`` before bind)."""
        self._buffer_size(size, False)

    def getRecvBufferSize(self) -> int:
        """The ``SO_RCVBUF`` size in bytes (Linux reports twice what was set)."""
        return self._buffer_size(0, True)

    def getSendBufferSize(self) -> int:
        """The ``SO_SNDBUF`` size in bytes (Linux reports twice what was set)."""
        return self._buffer_size(0, False)

    def getSendQueueSize(self) -> int:
        """How many bytes wait in the handle's send queue."""
        return self._raw_handle("getSendQueueSize").send_queue_size

    def getSendQueueCount(self) -> int:
        """How many datagrams wait in the handle's send queue (the kernel said ``EAGAIN``)."""
        return self._raw_handle("getSendQueueCount").send_queue_count

    # -- ref ----------------------------------------------------------------------------

    def ref(self) -> Socket:
        """Let the socket keep :func:`pynet.run` going again (the default); returns the socket."""
        if self._handle is not None:
            self._handle.ref()
        return self

    def unref(self) -> Socket:
        """Let :func:`pynet.run` return while this socket is still open; returns the socket."""
        if self._handle is not None:
            self._handle.unref()
        return self

    def __repr__(self) -> str:
        return f"<dgram.Socket {self.type}>"


def _to_int32(value: Any) -> int:
    """JavaScript's ``Int32Value`` (what ``UDPWrap::SetTTL`` reads)."""
    number = _to_uint32(value)
    return number - 2**32 if number >= 2**31 else number


def createSocket(type: Any = _UNDEFINED, listener: Any = None,  # noqa: A002
                 **options: Any) -> Socket:
    """``dgram.createSocket(type | options[, onMessage])``."""
    return Socket(None if type is _UNDEFINED else type, listener, **options)

