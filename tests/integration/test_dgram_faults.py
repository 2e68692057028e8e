"""dgram under faults and odd callers, on loopback: Node's errors, nothing
leaked (the conftest checks fds and loop liveness after each test), and the
loop keeps running after each fault.

Node's behaviour for each case was checked with node 20: an oversize datagram
fails in the send callback only; an ICMP port unreachable on a connected
socket is ``'error'`` ``recvmsg ECONNREFUSED``; a bad destination fails in the
callback only (``send EINVAL ::1:9``), a failed lookup without a callback is
emitted; sends queued before the implicit bind are dropped silently by a
close() queued behind them.
"""

from __future__ import annotations

import errno
from typing import Any

import pytest

from pynet import dgram, nextTick, run, setTimeout
from tests.conformance.common import error_lookup_mock

pytestmark = pytest.mark.usefixtures("loop")


def test_emsgsize_without_callback_is_silent_and_the_loop_goes_on(checker) -> None:
    sock = dgram.createSocket("udp4")
    sock.on("error", checker.must_not_call())

    def on_bound() -> None:
        port = sock.address().port
        sock.send(bytes(70000), port, "127.0.0.1")
        sock.send(b"after", port, "127.0.0.1")

    def on_message(msg) -> None:
        assert msg == b"after"
        setTimeout(checker.must_call(lambda: sock.close()), 1)

    sock.on("message", checker.must_call(on_message))
    sock.bind(0, "127.0.0.1", checker.must_call(on_bound))
    run()


def test_emsgsize_with_callback(checker) -> None:
    sock = dgram.createSocket("udp4")

    def sent(err, nbytes=None) -> None:
        assert isinstance(err, OSError)
        assert (err.code, err.errno, err.syscall) == ("EMSGSIZE", errno.EMSGSIZE, "send")
        assert str(err) == f"send EMSGSIZE 127.0.0.1:{sock.address().port}"
        assert nbytes is None
        sock.close()

    sock.bind(0, "127.0.0.1", lambda: sock.send(bytes(70000), sock.address().port, "127.0.0.1",
                                                checker.must_call(sent)))
    run()


def test_icmp_port_unreachable_on_a_connected_socket(checker) -> None:
    gone = dgram.createSocket("udp4")
    events: list[Any] = []

    def on_gone() -> None:
        port = gone.address().port

        def after_close() -> None:
            sock = dgram.createSocket("udp4")

            def on_error(err) -> None:
                events.append((err.code, err.syscall, str(err), err.errno))
                assert isinstance(err, ConnectionRefusedError)
                # The socket still works after the error: send again, then close.
                sock.send(b"again", lambda err2, n: (events.append(("sent", err2, n)),
                                                     sock.close()))

            sock.on("error", checker.must_call(on_error))
            sock.connect(port, "127.0.0.1", lambda: sock.send(b"ping"))

        gone.close(after_close)

    gone.bind(0, "127.0.0.1", on_gone)
    run()
    assert events[0] == ("ECONNREFUSED", "recvmsg", "recvmsg ECONNREFUSED", errno.ECONNREFUSED)
    assert events[1] == ("sent", None, 5)


def test_bad_destinations(checker) -> None:
    sock = dgram.createSocket({"type": "udp4", "lookup": _lookup_ips_only})
    seen: list[Any] = []

    def on_error(err) -> None:
        seen.append(("error", err.code, str(err)))
        sock.close()

    def on_einval(err) -> None:
        seen.append(("cb", err.code, err.syscall, err.address, err.port, str(err)))
        sock.send(b"x", 9, "::1")  # The same without a callback: nothing at all.
        sock.send(b"x", 9, "no.such.host.invalid")  # A lookup failure is emitted.

    sock.on("error", checker.must_call(on_error))
    sock.send(b"x", 9, "::1", checker.must_call(on_einval))
    run()
    assert seen == [("cb", "EINVAL", "send", "::1", 9, "send EINVAL ::1:9"),
                    ("error", "ENOTFOUND", "getaddrinfo ENOTFOUND no.such.host.invalid")]


def test_close_with_sends_queued_before_bind(checker) -> None:
    """node: the sends and the close() queue behind the implicit bind; the
    sends' lookups then find the socket closed: no callback, no error, one 'close'."""
    target = dgram.createSocket("udp4")
    target.on("message", checker.must_not_call())

    def on_target() -> None:
        sock = dgram.createSocket("udp4")
        sock.on("error", checker.must_not_call())
        sock.send(b"one", target.address().port, "127.0.0.1", checker.must_not_call())
        sock.send(b"two", target.address().port, "127.0.0.1", checker.must_not_call())
        sock.close(checker.must_call(lambda: setTimeout(target.close, 20)))
        assert sock._queue is not None and len(sock._queue) == 3

    target.bind(0, "127.0.0.1", checker.must_call(on_target))
    run()


class _Busy:
    """A socket proxy whose kernel send buffer is 'full' (EAGAIN) for the first sends."""

    def __init__(self, sock: Any, busy: int) -> None:
        self._sock = sock
        self.busy = busy

    def sendto(self, data: Any, address: Any) -> int:
        if self.busy:
            self.busy -= 1
            raise BlockingIOError(errno.EAGAIN, "busy")
        return int(self._sock.sendto(data, address))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._sock, name)


def test_sends_queued_in_the_handle_then_close(checker) -> None:
    """Datagrams the kernel refused (EAGAIN) wait in the handle's queue
    (getSendQueueCount/Size); closing fails them with ECANCELED, as libuv's
    uv__udp_finish_close does."""
    sock = dgram.createSocket("udp4")
    order: list[Any] = []

    def on_bound() -> None:
        port = sock.address().port
        handle = sock._handle
        handle._sock = _Busy(handle._sock, busy=1)
        for payload in (b"aaaa", b"bb"):
            sock.send(payload, port, "127.0.0.1",
                      lambda err, n=None: order.append((err.code, str(err), n)))

        # The lookups' ticks queue both datagrams (EAGAIN); this tick runs
        # after them and before the loop polls again (and could flush them).
        def check_queue() -> None:
            assert (sock.getSendQueueCount(), sock.getSendQueueSize()) == (2, 6)
            handle._sock = handle._sock._sock
            sock.close(lambda: order.append("close"))
            order.append("closed")

        nextTick(check_queue)

    sock.bind(0, "127.0.0.1", checker.must_call(on_bound))
    run()
    # 'close' is a tick (socketCloseNT); the cancelled sends complete in the
    # loop's close phase, after it, as in Node.
    port = order[2][1].rsplit(":", 1)[-1]
    assert order == ["closed", "close"] + [
        ("ECANCELED", f"send ECANCELED 127.0.0.1:{port}", None)] * 2
def test_user_callbacks_are_arity_tolerant(checker) -> None:
    """mapping §5: every callback gets as many arguments as it takes."""
    seen: list[Any] = []

    def lookup(*args: Any) -> None:  # *args: gets (address, family, callback)
        seen.append(("lookup", args[0], args[1]))
        args[2](None, "127.0.0.1", 4)

    sock = dgram.createSocket({"type": "udp4", "lookup": lookup})
    sock.on("message", lambda: seen.append("message()"))

    def on_bound(extra) -> None:  # 'listening' carries nothing: extra is None
        seen.append(("bound", extra))
        port = sock.address().port
        sock.send(b"a", port, "127.0.0.1", lambda: seen.append("sent()"))
        sock.send(b"b", port, "127.0.0.1", lambda err: seen.append(("sent(err)", err)))

        def last(err, n, *rest) -> None:
            seen.append(("sent(err, n, *rest)", err, n, rest))
            setTimeout(sock.close, 20)

        sock.send(b"c", port, "127.0.0.1", last)

    sock.bind(0, "127.0.0.1", on_bound)
    run()
    assert seen[0] == ("lookup", "127.0.0.1", 4)
    assert seen[1] == ("bound", None)
    rest = [e for e in seen[2:] if e != ("lookup", "127.0.0.1", 4)]
    assert len(seen) - 2 - len(rest) == 3  # Each send looked its address up.
    assert rest[:3] == ["sent()", ("sent(err)", None), ("sent(err, n, *rest)", None, 1, ())]
    assert rest[3:] == ["message()"] * 3


def _lookup_ips_only(host: str, family: int, callback: Any) -> None:
    from pynet import dns, net

    if net.isIP(host):
        dns.lookup(host, family, callback)
    else:
        error_lookup_mock()(host, family, callback)


def test_connect_to_a_bad_address(checker) -> None:
    """node: connect(80, '::1') on udp4 → 'connect EINVAL ::1:80', to the callback if
    given (the 'connect' listener is removed), else as 'error'; the socket stays usable."""
    seen: list[Any] = []
    with_cb = dgram.createSocket("udp4")
    with_cb.connect(80, "::1", checker.must_call(
        lambda e: (seen.append(("cb", str(e), e.code, e.address, e.port)), with_cb.close())))
    without = dgram.createSocket("udp4")

    def on_error(e) -> None:
        seen.append(("error", str(e)))
        assert without.listenerCount("connect") == 0
        without.connect(80, "127.0.0.1", checker.must_call(lambda: without.close()))

    without.on("error", checker.must_call(on_error))
    without.connect(80, "::1")
    run()
    assert seen == [("cb", "connect EINVAL ::1:80", "EINVAL", "::1", 80),
                    ("error", "connect EINVAL ::1:80")]
