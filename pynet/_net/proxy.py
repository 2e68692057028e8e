"""PROXY protocol v1 and v2 (HAProxy's), read before a connection reaches its server.

Theory of operation
-------------------
Behind a load balancer (HAProxy ``send-proxy``/``send-proxy-v2``, AWS NLB,
nginx ``proxy_protocol``) every TCP connection starts with a header naming
the real client.  A server created with ``{'proxyProtocol': True}`` (pynet's
own option) hands each accepted handle to :func:`read_proxy_header` before it
makes a ``net.Socket``: the bytes are read here, the header is parsed, and the
connection goes on as a :class:`ProxiedStream`, a :class:`~pynet._handles.base.Stream`
wrapper whose ``getpeername``/``getsockname``/``family`` are the header's
source and destination, so ``remoteAddress``/``remotePort``/``remoteFamily``
(and ``localAddress``/``localPort``) are the real client's and the address it
connected to.  Bytes that arrived after the header are delivered as the
socket's first read, before anything else the handle reads.

A ``LOCAL`` command (the balancer's own health check) or an ``UNKNOWN``/
unspecified family keeps the connection's real addresses.

Failure: a connection whose first bytes are not a PROXY header, whose header
is malformed, or which sends no complete header within ``timeout_ms``,
gets an :class:`ProxyProtocolError` (code ``ERR_PROXY_PROTOCOL``) instead;
nothing it sent is ever delivered.

Invariants
----------
* The wrapped handle reads for the header only while the header is
  incomplete; after :func:`read_proxy_header` reports, it no longer reads on
  its own behalf (the socket drives it through the wrapper).
* Exactly one report per handle: ``(None, stream, header)`` or
  ``(error, None, None)``; on error the caller owns (and closes) the handle.

Reference: https://www.haproxy.org/download/2.6/doc/proxy-protocol.txt
"""

from __future__ import annotations

import socket
import struct
from collections.abc import Callable
from typing import Any

from pynet import errors
from pynet._core.loop import Loop, Timer
from pynet._handles.base import Buffer, CloseCallback, ReadCallback, Stream, WriteCallback
from pynet._js.ip import isIPv4, isIPv6
from pynet._js.nodeobject import NodeObject

__all__ = ["DEFAULT_TIMEOUT_MS", "ProxiedStream", "ProxyProtocolError", "parse_header",
           "read_proxy_header"]

#: How long a connection may take to send its header.
DEFAULT_TIMEOUT_MS = 10000
_V2_SIGNATURE = b"\r\n\r\n\x00\r\nQUIT\n"
_V1_PREFIX = b"PROXY "
_V1_MAX = 107  # The longest v1 line, CRLF included (the spec's limit).
_V2_FAMILIES = {0x1: ("4", socket.AF_INET, 12), 0x2: ("6", socket.AF_INET6, 36),
                0x3: ("", socket.AF_UNIX, 216)}
_V2_TRANSPORTS = {0x1: "TCP", 0x2: "UDP"}

Report = Callable[[Exception | None, "ProxiedStream | None", "NodeObject | None"], None]


class ProxyProtocolError(errors.NodeError):
    """A connection that did not start with a valid PROXY protocol header (pynet's own)."""

    code = "ERR_PROXY_PROTOCOL"


def _fail(reason: str) -> ProxyProtocolError:
    return ProxyProtocolError(f"Invalid PROXY protocol header: {reason}")


def _port(text: str) -> int:
    if not text.isdigit() or (len(text) > 1 and text[0] == "0") or int(text) > 65535:
        raise _fail(f"bad port {text!r}")
    return int(text)


def _parse_v1(line: bytes) -> NodeObject:
    try:
        text = line[:-2].decode("ascii")
    except UnicodeDecodeError:
        raise _fail("not ASCII") from None
    fields = text.split(" ")
    header = NodeObject(version=1, command="PROXY", family=fields[1] if len(fields) > 1 else "")
    if header["family"] == "UNKNOWN":
        return header
    if header["family"] not in ("TCP4", "TCP6") or len(fields) != 6:
        raise _fail(f"bad v1 line {text!r}")
    check = isIPv4 if header["family"] == "TCP4" else isIPv6
    if not (check(fields[2]) and check(fields[3])):
        raise _fail(f"bad {header['family']} address in {text!r}")
    header.update(sourceAddress=fields[2], destinationAddress=fields[3],
                  sourcePort=_port(fields[4]), destinationPort=_port(fields[5]))
    return header


def _parse_v2(data: bytes) -> NodeObject:
    ver_cmd, fam, length = data[12], data[13], struct.unpack("!H", data[14:16])[0]
    if ver_cmd >> 4 != 2:
        raise _fail(f"unsupported version {ver_cmd >> 4}")
    command = {0: "LOCAL", 1: "PROXY"}.get(ver_cmd & 0xF)
    if command is None:
        raise _fail(f"unknown command {ver_cmd & 0xF}")
    body = data[16:16 + length]
    header = NodeObject(version=2, command=command, family="UNKNOWN")
    family = _V2_FAMILIES.get(fam >> 4)
    transport = _V2_TRANSPORTS.get(fam & 0xF)
    offset = 0
    if family is not None and transport is not None:
        suffix, af, size = family
        if length < size:
            raise _fail(f"address block of {length} bytes, {size} needed")
        header["family"] = "UNIX" if af == socket.AF_UNIX else transport + suffix
        if af == socket.AF_UNIX:
            src, dst = body[:108], body[108:216]
            header.update(sourceAddress=src.split(b"\0", 1)[0].decode(errors="replace"),
                          destinationAddress=dst.split(b"\0", 1)[0].decode(errors="replace"))
        else:
            half = (size - 4) // 2
            header.update(sourceAddress=socket.inet_ntop(af, body[:half]),
                          destinationAddress=socket.inet_ntop(af, body[half:2 * half]),
                          sourcePort=struct.unpack("!H", body[2 * half:2 * half + 2])[0],
                          destinationPort=struct.unpack("!H", body[2 * half + 2:size])[0])
        offset = size
    elif fam != 0:
        raise _fail(f"unknown address family/transport 0x{fam:02x}")
    tlvs = []
    while offset < length:
        if offset + 3 > length:
            raise _fail("truncated TLV")
        kind, size = body[offset], struct.unpack("!H", body[offset + 1:offset + 3])[0]
        if offset + 3 + size > length:
            raise _fail("truncated TLV")
        tlvs.append(NodeObject(type=kind, value=bytes(body[offset + 3:offset + 3 + size])))
        offset += 3 + size
    header["tlvs"] = tlvs
    return header


def parse_header(data: bytes) -> tuple[NodeObject, int] | None:
    """Parse a header at the start of ``data``: ``(header, its length)``, or ``None`` for
    "need more bytes"; raises :class:`ProxyProtocolError` when it cannot be one."""
    if data[:12] == _V2_SIGNATURE[:len(data[:12])] and data[:1] == b"\r":
        if len(data) < 16:
            return None
        total = 16 + struct.unpack("!H", data[14:16])[0]
        if len(data) < total:
            return None
        header = _parse_v2(data[:total])
        header["header"] = bytes(data[:total])
        return header, total
    if data[:6] != _V1_PREFIX[:len(data[:6])]:
        raise _fail("no PROXY protocol signature (is the load balancer sending it?)")
    end = data.find(b"\r\n", 0, _V1_MAX)
    if end < 0:
        if len(data) >= _V1_MAX:
            raise _fail(f"v1 line longer than {_V1_MAX} bytes")
        return None
    header = _parse_v1(data[:end + 2])
    header["header"] = bytes(data[:end + 2])
    return header, end + 2


class ProxiedStream:
    """A connection past its PROXY header: the inner handle, named as the header says."""

    __slots__ = ("_family", "_inner", "_leftover", "_loop", "_peer", "_scheduled", "_sock",
                 "_wants_read", "header")

    def __init__(self, loop: Loop, inner: Stream, header: NodeObject, leftover: bytes) -> None:
        self._loop = loop
        self._inner = inner
        #: The parsed header (``socket.proxy``).
        self.header = header
        self._leftover = leftover
        self._wants_read = False
        self._scheduled = False
        self._family = inner.family
        self._peer: Any = None
        self._sock: Any = None
        if header["command"] == "PROXY" and header["family"] in ("TCP4", "TCP6", "UDP4",
                                                                   "UDP6"):
            self._family = socket.AF_INET6 if header["family"].endswith("6") else socket.AF_INET
            self._peer = (header["sourceAddress"], header["sourcePort"])
            self._sock = (header["destinationAddress"], header["destinationPort"])

    # -- what the header changes ------------------------------------------------------

    @property
    def family(self) -> int:
        """The real client's address family."""
        return self._family

    def getpeername(self) -> Any:
        """The real client (the header's source)."""
        return self._peer if self._peer is not None else self._inner.getpeername()

    def getsockname(self) -> Any:
        """The address the client connected to (the header's destination)."""
        return self._sock if self._sock is not None else self._inner.getsockname()

    def read_start(self) -> None:
        """Deliver what followed the header first (from the pending phase), then read on."""
        if not self._leftover:
            self._inner.read_start()
            return
        self._wants_read = True
        if not self._scheduled:
            self._scheduled = True
            self._loop.call_pending(self._deliver_leftover)

    def _deliver_leftover(self) -> None:
        self._scheduled = False
        if not self._wants_read or self._inner.closed:
            return
        data, self._leftover = self._leftover, b""
        self._wants_read = False
        self._inner.read_start()  # First: a read_stop() from onread must stick.
        if self._inner.onread is not None:
            self._inner.onread(data, None)

    def read_stop(self) -> None:
        """``uv_read_stop``."""
        self._wants_read = False
        self._inner.read_stop()

    # -- the rest is the inner handle's ----------------------------------------------------

    @property
    def onread(self) -> ReadCallback | None:
        """``uv_read_cb``."""
        return self._inner.onread

    @onread.setter
    def onread(self, value: ReadCallback | None) -> None:
        self._inner.onread = value

    @property
    def read_into(self) -> Callable[[], Any] | None:
        """Node's ``onread`` option: the buffer source."""
        return self._inner.read_into

    @read_into.setter
    def read_into(self, value: Callable[[], Any] | None) -> None:
        self._inner.read_into = value

    @property
    def onread_into(self) -> Callable[[int, Any], Any] | None:
        """Node's ``onread`` option: the callback."""
        return self._inner.onread_into

    @onread_into.setter
    def onread_into(self, value: Callable[[int, Any], Any] | None) -> None:
        self._inner.onread_into = value

    @property
    def closed(self) -> bool:
        """``uv_is_closing``."""
        return self._inner.closed

    @property
    def reading(self) -> bool:
        """Between ``read_start`` and ``read_stop``."""
        return self._wants_read or self._inner.reading

    @property
    def is_pipe(self) -> bool:
        """A Unix socket rather than TCP."""
        return self._inner.is_pipe

    @property
    def bytes_read(self) -> int:
        """Bytes read after the header."""
        return self._inner.bytes_read - len(self.header["header"])

    @property
    def bytes_written(self) -> int:
        """Bytes written."""
        return self._inner.bytes_written

    @property
    def write_queue_size(self) -> int:
        """Bytes queued, not yet sent."""
        return self._inner.write_queue_size

    def fileno(self) -> int:
        """``uv_fileno``."""
        return self._inner.fileno()

    def ref(self) -> None:
        """``uv_ref``."""
        self._inner.ref()

    def unref(self) -> None:
        """``uv_unref``."""
        self._inner.unref()

    def has_ref(self) -> bool:
        """``uv_has_ref``."""
        return self._inner.has_ref()

    def close(self, cb: CloseCallback | None) -> None:
        """``uv_close``."""
        self._leftover = b""
        self._inner.close(cb)

    def write(self, data: Buffer, cb: WriteCallback | None) -> tuple[Exception | None, bool]:
        """``uv_write``."""
        return self._inner.write(data, cb)

    def writev(self, chunks: list[Buffer], cb: WriteCallback | None
               ) -> tuple[Exception | None, bool]:
        """``uv_write`` with several buffers."""
        return self._inner.writev(chunks, cb)

    def shutdown(self, cb: WriteCallback) -> None:
        """``uv_shutdown``."""
        self._inner.shutdown(cb)

    def connect(self, address: Any, cb: WriteCallback) -> int:
        """Accepted connections do not connect."""
        return self._inner.connect(address, cb)

    def bind(self, address: Any) -> int:
        """Accepted connections do not bind."""
        return self._inner.bind(address)

    def set_no_delay(self, enable: bool) -> None:
        """``uv_tcp_nodelay``."""
        self._inner.set_no_delay(enable)

    def set_keep_alive(self, enable: bool, delay_s: int) -> None:
        """``uv_tcp_keepalive``."""
        self._inner.set_keep_alive(enable, delay_s)

    def reset(self, cb: CloseCallback | None) -> None:
        """``uv_tcp_close_reset``."""
        self._leftover = b""
        self._inner.reset(cb)


def read_proxy_header(loop: Loop, handle: Stream, report: Report,
                      timeout_ms: float = DEFAULT_TIMEOUT_MS) -> None:
    """Read and parse ``handle``'s PROXY header; ``report(err, stream, header)`` once."""
    buffer = bytearray()
    timer: Timer | None = None

    def finish(err: Exception | None, stream: ProxiedStream | None,
               header: NodeObject | None) -> None:
        handle.read_stop()
        handle.onread = None
        if timer is not None:
            timer.stop()
        report(err, stream, header)

    def on_read(data: bytes | None, err: Exception | None) -> None:
        if data is None:
            finish(err or _fail("connection ended before the header was complete"), None, None)
            return
        buffer.extend(data)
        try:
            parsed = parse_header(bytes(buffer))
        except ProxyProtocolError as exc:
            finish(exc, None, None)
            return
        if parsed is not None:
            header, size = parsed
            finish(None, ProxiedStream(loop, handle, header, bytes(buffer[size:])), header)

    def on_timeout() -> None:
        finish(_fail(f"no complete header within {timeout_ms:g} ms"), None, None)

    handle.onread = on_read
    handle.read_start()
    timer = Timer(loop, on_timeout, (), timeout_ms)
    timer.unref()
    timer.start(timeout_ms)
