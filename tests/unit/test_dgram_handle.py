"""pynet._handles.udp.UDPHandle without the network.

The send path runs on :class:`ScriptedUDP`, a fake socket whose ``send``/
``sendto``/``sendmsg`` results are scripted (its ``fileno()`` is a real,
always-writable Unix datagram socket so the loop's selector accepts it).  The
receive path uses a real ``socketpair(AF_UNIX, SOCK_DGRAM)``.
"""

from __future__ import annotations

import errno
import socket
from collections import deque
from typing import Any

import pytest

from pynet._core.loop import Loop
from pynet._handles.udp import RECVS_PER_WAKEUP, UDPHandle


class ScriptedUDP:
    """A fake non-blocking datagram socket: each send consumes one scripted result.

    A result is an exception instance (raised) or nothing left (the datagram is
    taken whole).  ``wire`` lists what was "sent": (payload, address or None).
    """

    family = socket.AF_INET

    def __init__(self) -> None:
        self._real, self._peer = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.script: deque[BaseException] = deque()
        self.wire: list[tuple[bytes, Any]] = []
        self.closed = False

    def fileno(self) -> int:
        return self._real.fileno()

    def _take(self, buffers: list[Any], address: Any) -> int:
        if self.script:
            raise self.script.popleft()
        data = b"".join(bytes(b) for b in buffers)
        self.wire.append((data, address))
        return len(data)

    def send(self, data: Any) -> int:
        return self._take([data], None)

    def sendto(self, data: Any, address: Any) -> int:
        return self._take([data], address)

    def sendmsg(self, buffers: list[Any], ancdata: Any = (), flags: int = 0,
                address: Any = None) -> int:
        return self._take(list(buffers), address)

    def close(self) -> None:
        self.closed = True
        self._real.close()
        self._peer.close()


def scripted_handle(loop: Loop) -> tuple[UDPHandle, ScriptedUDP]:
    handle = UDPHandle(loop, ipv6=False)
    fake = ScriptedUDP()
    handle._sock = fake  # type: ignore[assignment]
    handle._fd = fake.fileno()
    return handle, fake


def test_send_completes_synchronously(loop: Loop) -> None:
    handle, fake = scripted_handle(loop)
    assert handle.send([b"hello"], "127.0.0.1", 9, None) == (0, 5)
    assert fake.wire == [(b"hello", ("127.0.0.1", 9))]
    assert (handle.send_queue_size, handle.send_queue_count) == (0, 0)
    assert loop.statistics().refs == 0
    handle.close()
    loop.run()


def test_eagain_queues_then_flushes_in_order(loop: Loop) -> None:
    handle, fake = scripted_handle(loop)
    done: list[tuple[int, int, str]] = []
    fake.script.append(BlockingIOError(errno.EAGAIN, "again"))
    assert handle.send([b"ab", b"cd"], "127.0.0.1", 9, lambda e, n: done.append((e, n, "1"))) \
        == (0, -1)
    # With a backlog, later sends queue behind it without trying the kernel.
    assert handle.send([b"xyz"], "127.0.0.1", 9, lambda e, n: done.append((e, n, "2"))) \
        == (0, -1)
    assert (handle.send_queue_size, handle.send_queue_count) == (7, 2)
    assert fake.wire == []
    handle.unref()  # Queued sends keep the loop alive anyway, as libuv's requests.
    assert loop.statistics().refs == 1
    loop.run()
    assert done == [(0, 4, "1"), (0, 3, "2")]
    assert fake.wire == [(b"abcd", ("127.0.0.1", 9)), (b"xyz", ("127.0.0.1", 9))]
    assert (handle.send_queue_size, handle.send_queue_count) == (0, 0)
    assert loop.statistics().watched_fds == 0
    handle.close()
    loop.run()


def test_queued_send_error_goes_to_its_callback(loop: Loop) -> None:
    handle, fake = scripted_handle(loop)
    done: list[tuple[int, int]] = []
    fake.script.extend([BlockingIOError(errno.EAGAIN, "again"),
                        OSError(errno.EMSGSIZE, "too long")])
    handle.send([b"big"], "127.0.0.1", 9, lambda e, n: done.append((e, n)))
    handle.send([b"ok"], "127.0.0.1", 9, lambda e, n: done.append((e, n)))
    loop.run()
    assert done == [(errno.EMSGSIZE, 0), (0, 2)]
    handle.close()
    loop.run()


def test_synchronous_errors_are_returned(loop: Loop) -> None:
    handle, fake = scripted_handle(loop)
    fake.script.append(OSError(errno.EMSGSIZE, "too long"))
    assert handle.send([b"x"], "127.0.0.1", 9, None) == (errno.EMSGSIZE, 0)
    assert handle.send([b"x"], "::1", 9, None) == (errno.EINVAL, 0)  # udp4 handle
    assert handle.send([b"x"], "not-an-ip", 9, None) == (errno.EINVAL, 0)
    handle.close()
    loop.run()


def test_close_cancels_queued_sends_before_the_close_callback(loop: Loop) -> None:
    handle, fake = scripted_handle(loop)
    order: list[Any] = []
    fake.script.append(BlockingIOError(errno.EAGAIN, "again"))
    handle.send([b"a"], "127.0.0.1", 9, lambda e, n: order.append(("send", e, n)))
    handle.send([b"b"], "127.0.0.1", 9, lambda e, n: order.append(("send", e, n)))
    handle.close(lambda: order.append("closed"))
    assert order == []  # Nothing runs inside close().
    assert fake.closed
    loop.run()
    assert order == [("send", errno.ECANCELED, 0), ("send", errno.ECANCELED, 0), "closed"]
    assert fake.wire == []


def test_receive_batches_are_bounded(loop: Loop) -> None:
    handle = UDPHandle(loop, ipv6=False)
    a, b = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)
    a.setblocking(False)
    handle._sock, handle._fd = a, a.fileno()
    handle.receiving = True  # As recv_start leaves it (without watching the fd here).
    got: list[bytes | None] = []
    handle.onmessage = lambda data, addr, err: got.append(data)
    for i in range(RECVS_PER_WAKEUP + 8):
        b.send(b"%d" % i)
    handle._on_readable()
    assert len(got) == RECVS_PER_WAKEUP  # One wakeup reads at most 32 datagrams.
    handle._on_readable()
    assert got == [b"%d" % i for i in range(RECVS_PER_WAKEUP + 8)]
    handle._on_readable()  # EAGAIN: nothing more, no error.
    assert len(got) == RECVS_PER_WAKEUP + 8
    handle.close()
    b.close()
    loop.run()


def test_receive_error_ends_the_batch(loop: Loop) -> None:
    handle = UDPHandle(loop, ipv6=False)

    class Refusing:
        def recvfrom(self, size: int) -> Any:
            raise ConnectionRefusedError(errno.ECONNREFUSED, "refused")

    handle._sock = Refusing()  # type: ignore[assignment]
    calls: list[tuple[Any, Any, int]] = []
    handle.onmessage = lambda data, addr, err: calls.append((data, addr, err))
    handle._on_readable()
    assert calls == [(None, None, errno.ECONNREFUSED)]


def test_operations_before_a_socket_exists(loop: Loop) -> None:
    """libuv's handle starts with fd -1: option calls fail with EBADF, after
    their own argument checks (EINVAL first)."""
    handle = UDPHandle(loop, ipv6=False)
    assert handle.set_ttl(64) == errno.EBADF
    assert handle.set_ttl(0) == errno.EINVAL
    assert handle.set_multicast_ttl(256) == errno.EINVAL
    assert handle.set_broadcast(True) == errno.EBADF
    assert handle.set_multicast_loop(True) == errno.EBADF
    assert handle.buffer_size(0, True) == (errno.EBADF, 0)
    assert handle.getsockname() == errno.EBADF
    assert handle.set_membership("not-an-ip", None, True) == errno.EINVAL
    assert handle.fileno() == -1
    handle.close()
    loop.run()


def test_bind_checks_the_family(loop: Loop) -> None:
    v4 = UDPHandle(loop, ipv6=False)
    assert v4.bind("::1", 0, 0) == errno.EINVAL
    assert v4.fileno() == -1  # Nothing was created.
    v6 = UDPHandle(loop, ipv6=True)
    assert v6.bind("127.0.0.1", 0, 0) == errno.EINVAL
    v4.close()
    v6.close()
    loop.run()


def test_membership_binds_implicitly(loop: Loop) -> None:
    """uv__udp_maybe_deferred_bind: a membership call creates and binds the socket."""
    handle = UDPHandle(loop, ipv6=False)
    handle.set_membership("224.0.0.114", None, True)  # may fail without multicast routes
    assert handle.fileno() != -1
    name = handle.getsockname()
    assert isinstance(name, tuple) and name[0] == "0.0.0.0"
    handle.close()
    loop.run()


@pytest.mark.parametrize("ref", [True, False])
def test_receiving_holds_the_loop_while_refd(loop: Loop, ref: bool) -> None:
    handle = UDPHandle(loop, ipv6=False)
    assert handle.bind("127.0.0.1", 0, 0) == 0
    handle.onmessage = lambda *a: None
    if not ref:
        handle.unref()
    assert handle.recv_start() == 0
    assert handle.recv_start() == errno.EALREADY
    assert loop.statistics().refs == (1 if ref else 0)
    handle.recv_stop()
    assert loop.statistics().refs == 0
    handle.close()
    loop.run()
