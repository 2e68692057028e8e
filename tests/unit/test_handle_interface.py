"""``net.Socket`` sits on the :class:`pynet._handles.base.Stream` interface, not on StreamHandle.

:class:`MemoryStream` is a handle with no descriptor at all (two ends joined
in memory, as a TLS handle would sit on ``ssl.MemoryBIO``): a Socket on it
reads, writes, ends and closes with Node's events.
"""

from __future__ import annotations

import errno
import socket
from collections.abc import Callable
from typing import Any

from pynet import net
from pynet._core.loop import Loop
from pynet._handles.base import Buffer, CloseCallback, Listener, Stream, WriteCallback
from pynet._handles.stream import StreamHandle
from pynet._handles.tcp import new_tcp


class MemoryStream:
    """One end of an in-memory stream pair, implementing :class:`Stream`."""

    is_pipe = True
    family = socket.AF_UNIX

    def __init__(self, loop: Loop) -> None:
        self.loop = loop
        self.peer: MemoryStream | None = None
        self.onread: Callable[[bytes | None, Exception | None], None] | None = None
        self.read_into: Callable[[], Any] | None = None
        self.onread_into: Callable[[int, Any], Any] | None = None
        self.reading = False
        self.closed = False
        self.bytes_read = 0
        self.bytes_written = 0
        self.write_queue_size = 0
        self.inbox: list[bytes | None] = []
        self.referenced = True
        self.counted = False

    def _active(self) -> None:
        want = self.referenced and self.reading and not self.closed
        if want != self.counted:
            self.counted = want
            self.loop.add_ref() if want else self.loop.remove_ref()

    def fileno(self) -> int:
        return -1

    def ref(self) -> None:
        self.referenced = True
        self._active()

    def unref(self) -> None:
        self.referenced = False
        self._active()

    def has_ref(self) -> bool:
        return self.referenced

    def read_start(self) -> None:
        self.reading = True
        self._active()
        self.loop.call_pending(self._deliver)

    def read_stop(self) -> None:
        self.reading = False
        self._active()

    def _deliver(self) -> None:
        while self.inbox and self.reading and not self.closed and self.onread is not None:
            chunk = self.inbox.pop(0)
            if chunk is None:
                self.read_stop()
            else:
                self.bytes_read += len(chunk)
            self.onread(chunk, None)

    def _receive(self, chunk: bytes | None) -> None:
        self.inbox.append(chunk)
        self.loop.call_pending(self._deliver)

    def write(self, data: Buffer, cb: WriteCallback | None) -> tuple[Exception | None, bool]:
        assert self.peer is not None
        self.bytes_written += len(data)
        self.peer._receive(bytes(data))
        return None, True

    def writev(self, chunks: list[Buffer], cb: WriteCallback | None
               ) -> tuple[Exception | None, bool]:
        return self.write(b"".join(bytes(c) for c in chunks), cb)

    def shutdown(self, cb: WriteCallback) -> None:
        assert self.peer is not None
        self.peer._receive(None)
        self.loop.call_pending(cb, None)

    def connect(self, address: Any, cb: WriteCallback) -> int:
        return 0

    def bind(self, address: Any) -> int:
        return 0

    def getsockname(self) -> Any:
        return ""

    def getpeername(self) -> Any:
        return ""

    def set_no_delay(self, enable: bool) -> None:
        pass

    def set_keep_alive(self, enable: bool, delay_s: int) -> None:
        pass

    def close(self, cb: CloseCallback | None) -> None:
        if not self.closed:
            self.closed = True
            self._active()
            if cb is not None:
                self.loop.call_close(cb)

    def reset(self, cb: CloseCallback | None) -> None:
        self.close(cb)


def pair(loop: Loop) -> tuple[MemoryStream, MemoryStream]:
    a, b = MemoryStream(loop), MemoryStream(loop)
    a.peer, b.peer = b, a
    return a, b


def test_a_socket_runs_on_any_stream_handle(loop: Loop) -> None:
    a, b = pair(loop)
    left = net.Socket(handle=a)
    right = net.Socket(handle=b)
    log: list[Any] = []
    right.on("data", lambda chunk: log.append(("data", chunk)))

    def on_end() -> None:
        log.append("end")
        right.end()

    right.on("end", on_end)
    right.on("close", lambda had_error: log.append(("close", had_error)))
    left.on("end", lambda: log.append("left end"))
    left.on("close", lambda had_error: log.append(("left close", had_error)))
    left.write(b"hello ")
    left.end(b"world")
    loop.run()
    assert [e for e in log if e[0] == "data"] == [("data", b"hello "), ("data", b"world")]
    assert log.index("end") < log.index(("close", False))
    assert "left end" in log and ("left close", False) in log
    assert left.bytesWritten == 11 and right.bytesRead == 11
    assert a.closed and b.closed


def test_stream_handle_implements_the_interfaces(loop: Loop) -> None:
    """Statically checked by mypy (Socket and Server are typed against the Protocols);
    here, that the members exist at run time too."""
    handle = new_tcp(loop, socket.AF_INET)
    try:
        for protocol in (Stream, Listener):
            members = {name for name in vars(protocol) if not name.startswith("_")}
            members |= set(getattr(protocol, "__annotations__", {}))
            assert all(hasattr(handle, name) for name in members), protocol
        assert isinstance(handle, StreamHandle)
    finally:
        handle.close(None)
        loop.run()


def _typed(loop: Loop) -> Stream:
    return MemoryStream(loop)  # mypy: MemoryStream conforms to the Stream Protocol.


def test_bind_reports_an_errno(loop: Loop) -> None:
    """``uv_tcp_bind``: 0, or the errno (no exception) when the address is taken."""
    first, second = new_tcp(loop, socket.AF_INET), new_tcp(loop, socket.AF_INET)
    try:
        assert first.bind(("127.0.0.1", 0)) == 0
        taken = first.getsockname()
        assert first.listen(1) == 0
        assert second.bind(taken) == errno.EADDRINUSE
    finally:
        first.close(None)
        second.close(None)
        loop.run()
