"""pynet._handles.stream.StreamHandle without the network.

The write path runs on :class:`ScriptedSock`, a fake socket whose ``send`` /
``sendmsg`` results are scripted (its ``fileno()`` is a real, always-writable
fd so the loop's selector accepts it).  Reads use a real
``socket.socketpair()``; accepting uses a Unix socket in ``tmp_path`` and a
fake clock for the EMFILE back-off.
"""

from __future__ import annotations

import errno
import os
import socket
from collections import deque
from typing import Any

import pytest

from pynet import errors
from pynet._core.loop import EVENT_READ, EVENT_WRITE, Loop, Timer
from pynet._handles import stream as stream_module
from pynet._handles.pipe import pipe_listen
from pynet._handles.stream import ACCEPT_RETRY_MS, READ_SIZE, StreamHandle
from tests.helpers import CallChecker

IOV_MAX = 64  # pynet._handles.stream._IOV_MAX: buffers per sendmsg


class ScriptedSock:
    """A fake non-blocking socket: each send/sendmsg consumes one scripted result.

    A result is an ``int`` (bytes the kernel takes, capped at what was
    offered), an exception instance (raised), or nothing left in the script
    (take everything).  ``calls`` records ``(method, [len of each buffer])``;
    ``wire`` is what the kernel took, in order.
    """

    def __init__(self, loop: Loop) -> None:
        self._loop = loop
        self._real, self._peer = socket.socketpair()
        self.fd = self._real.fileno()
        self.script: deque[int | BaseException] = deque()
        self.calls: list[tuple[str, list[int]]] = []
        self.buffers: list[list[memoryview]] = []
        self.wire = bytearray()
        self.shutdowns: list[int] = []
        self.shutdown_error: OSError | None = None
        self.watched_at_close: bool | None = None
        self.closed = False

    # socket API used by StreamHandle
    def setblocking(self, flag: bool) -> None:
        assert flag is False

    def fileno(self) -> int:
        return self.fd

    def _take(self, views: list[memoryview]) -> int:
        total = sum(v.nbytes for v in views)
        result = self.script.popleft() if self.script else total
        if isinstance(result, BaseException):
            raise result
        n = min(result, total)
        self.wire += b"".join(bytes(v) for v in views)[:n]
        return n

    def send(self, data: Any) -> int:
        view = memoryview(data).cast("B")
        self.calls.append(("send", [view.nbytes]))
        self.buffers.append([view])
        return self._take([view])

    def sendmsg(self, buffers: list[Any]) -> int:
        views = [memoryview(b).cast("B") for b in buffers]
        self.calls.append(("sendmsg", [v.nbytes for v in views]))
        self.buffers.append(views)
        return self._take(views)

    def shutdown(self, how: int) -> None:
        self.shutdowns.append(how)
        if self.shutdown_error is not None:
            raise self.shutdown_error

    def close(self) -> None:
        self.watched_at_close = self.fd in self._loop._watches
        self.closed = True
        self._real.close()
        self._peer.close()


def make(loop: Loop) -> tuple[StreamHandle, ScriptedSock]:
    sock = ScriptedSock(loop)
    return StreamHandle(loop, sock, False), sock  # type: ignore[arg-type]


def watching_write(loop: Loop, fd: int) -> bool:
    watch = loop._watches.get(fd)
    return watch is not None and bool(watch.watching & EVENT_WRITE)


def watching_read(loop: Loop, fd: int) -> bool:
    watch = loop._watches.get(fd)
    return watch is not None and bool(watch.watching & EVENT_READ)


def assert_none(err: object) -> None:
    assert err is None


def close_and_run(loop: Loop, *handles: StreamHandle) -> None:
    for h in handles:
        h.close(None)
    loop.run()


# -- write: the synchronous path ---------------------------------------------------------


def test_full_write_completes_synchronously(loop: Loop, checker: CallChecker) -> None:
    h, sock = make(loop)
    assert h.write(b"hello", checker.must_not_call("sync completion")) == (None, True)
    assert sock.calls == [("send", [5])]
    assert bytes(sock.wire) == b"hello"
    assert h.write_queue_size == 0 and h.bytes_written == 5
    assert not watching_write(loop, sock.fd)
    close_and_run(loop, h)


def test_partial_write_queues_a_view_of_the_original_buffer(loop: Loop,
                                                            checker: CallChecker) -> None:
    h, sock = make(loop)
    data = bytearray(b"0123456789" * 10)
    sock.script.append(30)
    assert h.write(data, checker.must_call(lambda err: assert_none(err))) == (None, False)
    assert len(h._queue) == 1
    view = h._queue[0][0]
    assert isinstance(view, memoryview) and view.obj is data  # no copy
    assert bytes(view) == bytes(data[30:])
    assert h.write_queue_size == 70 and h.bytes_written == 100
    assert watching_write(loop, sock.fd)

    # With a backlog, the next write does no syscall: it is queued as is.
    more = b"abc"
    assert h.write(more, checker.must_call(lambda err: assert_none(err))) == (None, False)
    assert len(sock.calls) == 1
    assert h._queue[1][0].obj is more
    assert h.write_queue_size == 73 and h.bytes_written == 103
    close_and_run(loop, h)


@pytest.mark.parametrize("exc", [BlockingIOError(errno.EAGAIN, "again"),
                                 InterruptedError(errno.EINTR, "intr")])
def test_would_block_queues_everything(loop: Loop, checker: CallChecker,
                                       exc: BaseException) -> None:
    h, sock = make(loop)
    data = b"x" * 10
    sock.script.append(exc)
    assert h.write(data, checker.must_call()) == (None, False)  # with None, at close
    assert h._queue[0][0].obj is data and h.write_queue_size == 10
    assert watching_write(loop, sock.fd)
    close_and_run(loop, h)


def test_memoryview_of_wide_items_is_counted_in_bytes(loop: Loop) -> None:
    h, sock = make(loop)
    import array
    arr = array.array("i", range(10))  # 40 bytes
    sock.script.append(6)
    assert h.write(memoryview(arr), None) == (None, False)
    assert h.bytes_written == 40 and h.write_queue_size == 34
    assert h._queue[0][0].format == "B" and h._queue[0][0].obj is arr
    close_and_run(loop, h)


def test_writev_sends_one_sendmsg_and_queues_the_rest(loop: Loop, checker: CallChecker) -> None:
    h, sock = make(loop)
    chunks = [b"aaaa", bytearray(b"bbbb"), b"cccc"]
    sock.script.append(6)
    assert h.writev(chunks, checker.must_call(lambda err: assert_none(err))) == (None, False)
    assert sock.calls == [("sendmsg", [4, 4, 4])]
    assert [bytes(e[0]) for e in h._queue] == [b"bb", b"cccc"]
    assert h._queue[0][0].obj is chunks[1] and h._queue[1][0].obj is chunks[2]
    # Only the last piece carries the request's callback.
    assert h._queue[0][1] is None and h._queue[1][1] is not None
    assert h.write_queue_size == 6 and h.bytes_written == 12
    close_and_run(loop, h)


def test_writev_full_is_synchronous(loop: Loop, checker: CallChecker) -> None:
    h, sock = make(loop)
    assert h.writev([b"ab", b"cd"], checker.must_not_call()) == (None, True)
    assert sock.calls == [("sendmsg", [2, 2])] and bytes(sock.wire) == b"abcd"
    assert not watching_write(loop, sock.fd)
    close_and_run(loop, h)


# -- write: the writable callback ----------------------------------------------------------


def test_writable_callback_flushes_many_buffers_per_sendmsg(loop: Loop) -> None:
    h, sock = make(loop)
    done: list[tuple[int, Any]] = []
    sock.script.append(BlockingIOError(errno.EAGAIN, "again"))
    payloads = [bytes([65 + i % 26]) * (i + 1) for i in range(100)]
    for i, p in enumerate(payloads):
        assert h.write(p, lambda err, i=i: done.append((i, err))) == (None, False)
    assert h.write_queue_size == sum(map(len, payloads))
    assert len(sock.calls) == 1  # only the first write tried the kernel
    h.on_writable()
    # 100 buffers: two sendmsg calls, at most IOV_MAX buffers each.
    assert [(m, len(lens)) for m, lens in sock.calls[1:]] == [("sendmsg", IOV_MAX),
                                                              ("sendmsg", 100 - IOV_MAX)]
    # The buffers handed to sendmsg are the caller's objects, not copies.
    assert all(v.obj is payloads[i] for i, v in enumerate(sock.buffers[1] + sock.buffers[2]))
    assert done == [(i, None) for i in range(100)]
    assert bytes(sock.wire) == b"".join(payloads)
    assert h.write_queue_size == 0 and not h._queue
    assert not watching_write(loop, sock.fd)
    close_and_run(loop, h)


def test_partial_flush_keeps_the_rest_and_the_watch(loop: Loop) -> None:
    h, sock = make(loop)
    done: list[int] = []
    data = [b"a" * 10, b"b" * 10, b"c" * 10]
    sock.script.append(0)  # a send that takes nothing
    for i, d in enumerate(data):
        h.write(d, lambda err, i=i: done.append(i))
    sock.script.append(15)  # the kernel takes 1.5 buffers
    h.on_writable()
    assert done == [0]
    assert sock.calls[-1] == ("sendmsg", [10, 10, 10])
    assert len(sock.calls) == 2  # took less than offered: wait for the next wakeup
    assert bytes(h._queue[0][0]) == b"b" * 5 and h._queue[0][0].obj is data[1]
    assert h.write_queue_size == 15
    assert watching_write(loop, sock.fd)
    sock.script.append(BlockingIOError(errno.EAGAIN, "again"))
    h.on_writable()
    assert done == [0] and h.write_queue_size == 15 and watching_write(loop, sock.fd)
    h.on_writable()
    assert sock.calls[-1] == ("sendmsg", [5, 10])
    assert done == [0, 1, 2] and not watching_write(loop, sock.fd)
    assert bytes(sock.wire) == b"".join(data)
    close_and_run(loop, h)


def test_set_write_cb_gives_the_write_just_queued_its_callback(loop: Loop) -> None:
    """net.Socket writes with no callback and gives one only to a write that did
    not complete at once; it is called when that write is flushed, and a write
    queued behind it with its own callback keeps that one."""
    h, sock = make(loop)
    done: list[Any] = []
    sock.script.append(1)
    assert h.write(b"abc", None) == (None, False)
    h.set_write_cb(lambda err: done.append(("first", err)))
    assert h.write(b"de", None) == (None, False)  # behind the backlog: queued, no syscall
    h.set_write_cb(lambda err: done.append(("second", err)))
    assert [entry[1] is not None for entry in h._queue] == [True, True]
    h.on_writable()
    assert done == [("first", None), ("second", None)] and bytes(sock.wire) == b"abcde"
    h.set_write_cb(lambda err: done.append("never"))  # nothing queued: no effect
    close_and_run(loop, h)
    assert done == [("first", None), ("second", None)]


def test_single_queued_buffer_uses_send(loop: Loop) -> None:
    h, sock = make(loop)
    sock.script.append(1)
    h.write(b"abc", None)
    h.on_writable()
    assert sock.calls == [("send", [3]), ("send", [2])]
    close_and_run(loop, h)


def test_flush_runs_from_the_poll_phase(loop: Loop) -> None:
    h, sock = make(loop)
    trace: list[str] = []
    sock.script.append(2)

    def on_written(err: Exception | None) -> None:
        trace.append(f"written {err}")
        h.close(lambda: trace.append("closed"))

    h.write(b"hello", on_written)
    loop.next_tick(trace.append, "tick")
    loop.run()
    assert trace == ["tick", "written None", "closed"]
    assert bytes(sock.wire) == b"hello"


def test_empty_write_behind_a_backlog_completes(loop: Loop) -> None:
    # libuv completes zero-length uv_write requests (uv__write_req_update); an empty
    # entry left at the head once kept the fd watched forever (a busy loop).
    h, sock = make(loop)
    done: list[str] = []
    sock.script.append(1)
    h.write(b"abc", lambda err: done.append("abc"))
    assert h.write(b"", lambda err: done.append("empty")) == (None, False)
    h.on_writable()
    assert done == ["abc", "empty"]
    assert not watching_write(loop, sock.fd) and h.write_queue_size == 0
    close_and_run(loop, h)


def test_empty_writev_behind_a_backlog_is_queued(loop: Loop) -> None:
    h, sock = make(loop)
    done: list[str] = []
    sock.script.append(1)
    h.write(b"abc", lambda err: done.append("abc"))
    try:
        assert h.writev([b"", b""], lambda err: done.append("empty writev")) == (None, False)
        h.on_writable()
        assert done == ["abc", "empty writev"]
    finally:
        close_and_run(loop, h)


# -- write errors ----------------------------------------------------------------------


@pytest.mark.parametrize("code, cls", [(errno.EPIPE, BrokenPipeError),
                                       (errno.ECONNRESET, ConnectionResetError)])
def test_sync_write_error_is_node_shaped(loop: Loop, checker: CallChecker, code: int,
                                        cls: type[OSError]) -> None:
    h, sock = make(loop)
    sock.script.append(OSError(code, os.strerror(code)))
    err, sync = h.write(b"data", checker.must_not_call("errors are returned"))
    assert sync is True
    name = errno.errorcode[code]
    assert isinstance(err, errors.SystemError) and isinstance(err, cls)
    assert str(err) == f"write {name}"
    assert err.code == name and err.syscall == "write"
    assert not h._queue and not watching_write(loop, sock.fd)
    close_and_run(loop, h)


def test_sync_writev_error_is_node_shaped(loop: Loop) -> None:
    h, sock = make(loop)
    sock.script.append(BrokenPipeError(errno.EPIPE, "broken"))
    err, sync = h.writev([b"a", b"b"], None)
    assert sync is True and err is not None
    assert str(err) == "write EPIPE" and err.code == "EPIPE"  # type: ignore[attr-defined]
    close_and_run(loop, h)


@pytest.mark.parametrize("code", [errno.EPIPE, errno.ECONNRESET])
def test_async_write_error_goes_to_the_request_callback(loop: Loop, code: int) -> None:
    h, sock = make(loop)
    got: list[Any] = []
    sock.script.append(0)
    h.write(b"abc", got.append)
    sock.script.append(OSError(code, os.strerror(code)))
    h.on_writable()
    (err,) = got
    name = errno.errorcode[code]
    assert str(err) == f"write {name}" and err.code == name and err.syscall == "write"
    assert h.write_queue_size == 0 and not watching_write(loop, sock.fd)
    close_and_run(loop, h)


def test_async_error_after_completed_requests(loop: Loop) -> None:
    h, sock = make(loop)
    got: list[tuple[str, Any]] = []
    sock.script.append(0)
    h.write(b"a" * 70, lambda err: got.append(("first", err)))
    for i in range(IOV_MAX):
        h.write(b"x", lambda err, i=i: got.append((f"x{i}", err)))
    # The first sendmsg takes the first 64 buffers, the second fails.
    sock.script.extend([70 + IOV_MAX - 1, BrokenPipeError(errno.EPIPE, "broken")])
    h.on_writable()
    names = [n for n, e in got if e is None]
    assert names == ["first"] + [f"x{i}" for i in range(IOV_MAX - 1)]
    (failed,) = [(n, e) for n, e in got if e is not None]
    assert failed[0] == f"x{IOV_MAX - 1}" and str(failed[1]) == "write EPIPE"
    close_and_run(loop, h)


def test_async_error_in_the_middle_of_a_writev_fails_the_request(loop: Loop) -> None:
    # libuv fails the whole uv_write request at once and stops POLLOUT; the requests
    # behind it stay queued until close (their callbacks then get None).
    h, sock = make(loop)
    got: list[Any] = []
    sock.script.append(2)  # the kernel takes "ab": "c", "def", "ghi" are queued
    h.writev([b"abc", b"def", b"ghi"], got.append)
    h.write(b"later", lambda err: got.append(("later", err)))
    sock.script.append(BrokenPipeError(errno.EPIPE, "broken"))
    h.on_writable()
    assert [str(e) for e in got] == ["write EPIPE"]
    assert not watching_write(loop, sock.fd)
    assert h.write_queue_size == len(b"later")
    assert len(sock.calls) == 2  # no retry: the fd is no longer watched
    close_and_run(loop, h)
    assert got[1:] == [("later", None)]


# -- accounting ------------------------------------------------------------------------------


def test_write_queue_size_and_bytes_written(loop: Loop) -> None:
    h, sock = make(loop)
    sizes: list[tuple[int, int]] = []

    def snap() -> None:
        sizes.append((h.write_queue_size, h.bytes_written))

    h.write(b"a" * 10, None)
    snap()
    sock.script.append(4)
    h.write(b"b" * 10, None)
    snap()
    h.writev([b"c" * 5, b"d" * 5], None)
    snap()
    sock.script.append(8)
    h.on_writable()
    snap()
    h.on_writable()
    snap()
    assert sizes == [(0, 10), (6, 20), (16, 30), (8, 30), (0, 30)]
    assert bytes(sock.wire) == b"a" * 10 + b"b" * 10 + b"c" * 5 + b"d" * 5
    close_and_run(loop, h)


# -- shutdown ---------------------------------------------------------------------------------


def test_shutdown_waits_for_the_queue_to_drain(loop: Loop) -> None:
    h, sock = make(loop)
    trace: list[str] = []
    sock.script.append(0)
    h.write(b"abcdef", lambda err: trace.append(f"write {err}"))
    h.shutdown(lambda err: trace.append(f"shutdown {err}"))
    assert sock.shutdowns == [] and trace == []
    sock.script.append(3)
    h.on_writable()
    assert sock.shutdowns == [] and trace == []
    h.on_writable()
    assert sock.shutdowns == [socket.SHUT_WR]
    assert trace == ["write None", "shutdown None"]
    assert not watching_write(loop, sock.fd)
    close_and_run(loop, h)


def test_shutdown_with_empty_queue_happens_from_the_pending_queue(loop: Loop) -> None:
    """libuv's uv_shutdown feeds the stream to the pending queue (uv__io_feed)."""
    h, sock = make(loop)
    trace: list[str] = []

    def after(err: Exception | None) -> None:
        trace.append(f"shutdown {err}")
        h.close(lambda: trace.append("closed"))

    h.shutdown(after)
    assert sock.shutdowns == [] and not watching_write(loop, sock.fd)  # not inside the call
    assert loop.statistics().pending == 1
    loop.next_tick(trace.append, "tick")
    loop.set_immediate(trace.append, "immediate")
    loop.run()
    # The pending queue (shutdown) runs before the check phase (immediate).
    assert trace == ["tick", "shutdown None", "immediate", "closed"]
    assert sock.shutdowns == [socket.SHUT_WR]


@pytest.mark.parametrize("code, expected", [(errno.ENOTCONN, None),
                                            (errno.EPIPE, "shutdown EPIPE")])
def test_shutdown_errors(loop: Loop, code: int, expected: str | None) -> None:
    h, sock = make(loop)
    got: list[Any] = []
    sock.shutdown_error = OSError(code, os.strerror(code))
    h.shutdown(got.append)
    h.on_writable()
    assert [None if e is None else str(e) for e in got] == [expected]
    if expected is not None:
        assert got[0].syscall == "shutdown" and got[0].code == errno.errorcode[code]
    close_and_run(loop, h)


# -- close -----------------------------------------------------------------------------------


def test_close_runs_pending_write_callbacks_then_close_callback(loop: Loop) -> None:
    h, sock = make(loop)
    trace: list[str] = []
    sock.script.append(1)
    h.write(b"abc", lambda err: trace.append(f"w1 {err}"))
    h.write(b"def", lambda err: trace.append(f"w2 {err}"))
    h.write(b"ghi", None)
    loop.set_immediate(trace.append, "immediate")
    h.close(lambda: trace.append("close"))
    assert trace == [] and h.closed
    assert sock.closed and sock.watched_at_close is False  # unwatched *before* close(2)
    assert h.write_queue_size == 0
    loop.next_tick(trace.append, "tick")
    loop.run()
    # Close phase: after the check phase of the same turn.
    assert trace == ["tick", "immediate", "w1 None", "w2 None", "close"]


def test_close_unwatches_reading_fd_before_closing(loop: Loop) -> None:
    a, b = socket.socketpair()
    h = StreamHandle(loop, a, True)
    h.read_start()
    fd = h.fileno()
    assert watching_read(loop, fd)
    h.close(None)
    assert fd not in loop._watches and not h.reading
    h.close(None)  # idempotent
    loop.run()
    b.close()


def test_close_is_idempotent_and_calls_back_once(loop: Loop, checker: CallChecker) -> None:
    h, _sock = make(loop)
    h.close(checker.must_call())
    h.close(checker.must_not_call("second close"))
    loop.run()
    assert loop.statistics().refs == 0


# -- ref / unref -------------------------------------------------------------------------------


def test_ref_counts_only_while_active(loop: Loop) -> None:
    # libuv: a handle keeps the loop alive while ref'd *and* active (reading, a write
    # backlog, connecting, shutting down, listening) - a paused, idle socket does not.
    base = loop.statistics().refs
    h, sock = make(loop)
    assert h.has_ref() and loop.statistics().refs == base  # idle
    h.read_start()
    assert loop.statistics().refs == base + 1
    h.unref()
    h.unref()
    assert not h.has_ref() and loop.statistics().refs == base
    h.ref()
    h.ref()
    assert h.has_ref() and loop.statistics().refs == base + 1
    h.read_stop()
    assert loop.statistics().refs == base
    sock.script.append(0)
    h.write(b"x", None)  # a backlog: active
    assert loop.statistics().refs == base + 1
    h.on_writable()  # drained: idle again
    assert loop.statistics().refs == base
    h.shutdown(lambda err: None)
    assert loop.statistics().refs == base + 1
    h.on_writable()
    assert loop.statistics().refs == base
    close_and_run(loop, h)


def test_unrefd_handle_does_not_keep_the_loop_alive(loop: Loop) -> None:
    base = loop.statistics().refs
    h, _sock = make(loop)
    h.read_start()
    h.unref()
    assert loop.statistics().refs == base
    loop.run()  # returns at once: reading, but not ref'd
    h.close(None)
    assert loop.statistics().refs == base  # no double remove for an unref'd handle
    h.ref()  # after close: a no-op for the loop
    assert loop.statistics().refs == base
    loop.run()


def test_pending_requests_keep_the_loop_alive_on_an_unrefd_handle(loop: Loop) -> None:
    """libuv counts active requests apart from handles: a write backlog or a
    shutdown keeps the loop alive although the handle is unref'd."""
    base = loop.statistics().refs
    h, sock = make(loop)
    h.unref()
    sock.script.append(0)
    h.write(b"x", None)
    assert watching_write(loop, sock.fd) and loop.statistics().refs == base + 1
    h.on_writable()  # drained: no request left
    assert loop.statistics().refs == base
    h.shutdown(lambda err: None)
    assert loop.statistics().refs == base + 1
    h.close(None)  # the shutdown is cancelled with the handle
    assert loop.statistics().refs == base
    loop.run()


def test_closing_an_active_handle_releases_its_ref(loop: Loop) -> None:
    base = loop.statistics().refs
    h, _ = make(loop)
    h.read_start()
    assert loop.statistics().refs == base + 1
    h.close(None)
    assert loop.statistics().refs == base and not h.reading
    h.unref()
    h.ref()
    assert loop.statistics().refs == base
    loop.run()


def test_listening_handle_is_active(loop: Loop, tmp_path: Any) -> None:
    base = loop.statistics().refs
    server = pipe_listen(loop, str(tmp_path / "s.sock"), 8)
    assert isinstance(server, StreamHandle)
    assert loop.statistics().refs == base + 1
    server.unref()
    assert loop.statistics().refs == base
    loop.run()  # returns: the only handle is unref'd
    server.close(None)
    loop.run()


# -- reading (socketpair) ----------------------------------------------------------------------


def reader(loop: Loop) -> tuple[StreamHandle, socket.socket, list[tuple[Any, Any]]]:
    a, b = socket.socketpair()
    h = StreamHandle(loop, a, True)
    got: list[tuple[Any, Any]] = []
    h.onread = lambda data, err: got.append((data, err))
    return h, b, got


def test_read_data_then_eof(loop: Loop) -> None:
    h, peer, got = reader(loop)

    def onread(data: bytes | None, err: Exception | None) -> None:
        got.append((data, err))
        if data is None:
            h.close(None)

    h.onread = onread
    h.read_start()
    assert h.reading
    peer.sendall(b"hello")
    peer.shutdown(socket.SHUT_WR)
    loop.run()
    peer.close()
    assert got[-1] == (None, None)
    assert b"".join(d for d, _ in got[:-1]) == b"hello"
    assert h.bytes_read == 5 and not h.reading


def test_reads_are_at_most_read_size(loop: Loop) -> None:
    h, peer, got = reader(loop)
    peer.setblocking(False)
    sent = peer.send(b"z" * (3 * READ_SIZE + 123))
    peer.shutdown(socket.SHUT_WR)

    def onread(data: bytes | None, err: Exception | None) -> None:
        got.append((data, err))
        if data is None:
            h.close(None)

    h.onread = onread
    h.read_start()
    loop.run()
    peer.close()
    sizes = [len(d) for d, _ in got[:-1]]
    assert max(sizes) <= READ_SIZE and sum(sizes) == sent == h.bytes_read


def test_a_wakeup_reads_up_to_32_times_while_reads_are_full(loop: Loop) -> None:
    # libuv's uv__read: up to 32 reads per wakeup while each fills the buffer.
    h, peer, got = reader(loop)
    peer.setblocking(False)
    peer.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 4 << 20)
    sent = 0
    try:
        while sent < 40 * READ_SIZE:
            sent += peer.send(b"w" * READ_SIZE)
    except BlockingIOError:
        pass
    if sent <= 5 * READ_SIZE:
        pytest.skip("the socket buffer holds too little for the test")
    first_wakeup: list[int] = []

    def onread(data: bytes | None, err: Exception | None) -> None:
        got.append((data, err))
        if len(got) == 1:
            loop.set_immediate(lambda: first_wakeup.append(len(got)))
        if sum(len(d) for d, _ in got) == sent:
            h.close(None)

    h.onread = onread
    h.read_start()
    loop.run()
    peer.close()
    assert first_wakeup == [min(32, -(-sent // READ_SIZE))]


def test_read_stop_stops_delivery(fake_loop: Loop) -> None:
    loop = fake_loop
    h, peer, got = reader(loop)
    trace: list[Any] = []

    def resume() -> None:
        trace.append(("timer", len(got), watching_read(loop, h.fileno())))
        h.read_start()

    def onread(data: bytes | None, err: Exception | None) -> None:
        got.append((data, err))
        trace.append(("data", data))
        if len(got) == 1:
            h.read_stop()
            assert not h.reading and not watching_read(loop, h.fileno())
            peer.sendall(b"two")  # available, but must not be delivered while stopped
            Timer(loop, resume, (), 50).start()
        else:
            h.close(None)

    h.onread = onread
    h.read_start()
    h.read_start()  # idempotent
    peer.sendall(b"one")
    start = loop.now()
    loop.run()
    peer.close()
    assert trace == [("data", b"one"), ("timer", 1, False), ("data", b"two")]
    assert loop.now() - start >= 50


def test_read_stop_inside_onread_stops_the_read_burst(loop: Loop) -> None:
    h, peer, got = reader(loop)
    peer.setblocking(False)
    peer.send(b"q" * (2 * READ_SIZE + 1))

    def onread(data: bytes | None, err: Exception | None) -> None:
        got.append((data, err))
        h.read_stop()
        loop.set_immediate(h.close, None)

    h.onread = onread
    h.read_start()
    loop.run()
    peer.close()
    assert len(got) == 1 and len(got[0][0]) == READ_SIZE


def test_read_econnreset(loop: Loop) -> None:
    h, peer, got = reader(loop)

    def onread(data: bytes | None, err: Exception | None) -> None:
        got.append((data, err))
        if data is None:
            h.close(None)
        else:
            # The reset comes in a later wakeup, with nothing left to read.
            peer.close()

    h.onread = onread
    # A Unix socket closed with unread data resets its peer.
    h._sock.send(b"unread")
    peer.send(b"last")
    h.read_start()
    loop.run()
    assert got[0] == (b"last", None)
    data, err = got[-1]
    assert data is None and isinstance(err, ConnectionResetError)
    assert str(err) == "read ECONNRESET"
    assert err.code == "ECONNRESET" and err.syscall == "read"  # type: ignore[attr-defined]
    assert len(got) == 2 and not h.reading


def test_reset_behind_data_in_one_wakeup_is_the_end(loop: Loop) -> None:
    """libuv's POLLHUP short circuit (``uv__stream_io``): the partial read of a wakeup
    that reports a hang-up ends the stream; node gives ``'end'`` here, not ECONNRESET."""
    h, peer, got = reader(loop)

    def onread(data: bytes | None, err: Exception | None) -> None:
        got.append((data, err))
        if data is None:
            h.close(None)

    h.onread = onread
    h._sock.send(b"unread")
    peer.send(b"last")
    peer.close()  # data and reset are both there before the first read
    h.read_start()
    loop.run()
    assert got == [(b"last", None), (None, None)]


# -- accepting ---------------------------------------------------------------------------------


def test_accept_on_a_unix_socket(loop: Loop, tmp_path: Any) -> None:
    path = str(tmp_path / "srv.sock")
    server = pipe_listen(loop, path, 16)
    assert isinstance(server, StreamHandle)
    got: list[Any] = []

    def onconnection(err: Exception | None, conn: StreamHandle | None) -> None:
        got.append((err, conn))
        assert conn is not None and conn.is_pipe and not conn.closed
        conn.close(None)
        server.close(None)

    server.onconnection = onconnection
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    client.connect(path)
    loop.run()
    client.close()
    assert len(got) == 1 and got[0][0] is None
    assert not os.path.exists(path)  # unlinked on close


class AcceptFails:
    """Wraps a listening socket; ``accept`` raises ``failures`` errors, then works."""

    def __init__(self, sock: socket.socket, code: int, failures: int) -> None:
        self._sock = sock
        self.code = code
        self.failures = failures
        self.calls = 0

    def _fail(self) -> None:
        self.calls += 1
        if self.failures:
            self.failures -= 1
            raise OSError(self.code, os.strerror(self.code))

    def accept(self) -> tuple[socket.socket, Any]:
        self._fail()
        return self._sock.accept()

    def _accept(self) -> tuple[int, Any]:  # What the handle's accept loop calls.
        self._fail()
        return self._sock._accept()  # type: ignore[attr-defined,no-any-return]

    def __getattr__(self, name: str) -> Any:
        return getattr(self._sock, name)


def drop_reserve(loop: Loop) -> None:
    """Take away the loop's reserved descriptor: the EMFILE fallback path."""
    reserve = stream_module._RESERVES[id(loop)]
    os.close(reserve[0])
    reserve[0] = -1


@pytest.mark.parametrize("code", [errno.EMFILE, errno.ENFILE])
def test_accept_fd_exhaustion_turns_waiting_clients_away(fake_loop: Loop, tmp_path: Any,
                                                         code: int) -> None:
    """libuv's uv__emfile_trick: the reserve is closed, the backlog accepted and
    closed, the reserve reopened; nothing is reported, the fd stays watched."""
    loop = fake_loop
    path = str(tmp_path / "srv.sock")
    server = pipe_listen(loop, path, 16)
    assert isinstance(server, StreamHandle)
    reserve_fd = stream_module._RESERVES[id(loop)][0]
    assert reserve_fd >= 0 and os.readlink(f"/proc/self/fd/{reserve_fd}") == os.devnull
    fake = AcceptFails(server._sock, code, failures=1)
    server._sock = fake  # type: ignore[assignment]
    got: list[Any] = []
    server.onconnection = lambda err, conn: got.append((err, conn))
    clients = [socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) for _ in range(3)]
    for client in clients:
        client.connect(path)
    loop.step()
    assert got == []  # Not reported.
    assert watching_read(loop, server.fileno()) and server._retry_timer is None
    for client in clients:  # Each was accepted and closed.
        client.settimeout(5)
        assert client.recv(1) == b""
        client.close()
    assert stream_module._RESERVES[id(loop)][0] >= 0  # Reserved again.
    assert fake.calls == 1 + 3 + 1  # The failure, three clients, then EAGAIN.
    server.close(None)
    assert id(loop) not in stream_module._RESERVES  # The last listener gives it back.
    loop.run()


@pytest.mark.parametrize("code", [errno.EMFILE, errno.ENFILE])
def test_accept_fd_exhaustion_backs_off(fake_loop: Loop, tmp_path: Any, code: int) -> None:
    """Without a reserved descriptor: report the error and pause accepting."""
    loop = fake_loop
    path = str(tmp_path / "srv.sock")
    server = pipe_listen(loop, path, 16)
    assert isinstance(server, StreamHandle)
    drop_reserve(loop)
    fake = AcceptFails(server._sock, code, failures=3)
    server._sock = fake  # type: ignore[assignment]
    fd = server.fileno()
    events: list[Any] = []
    start = loop.now()

    def onconnection(err: Exception | None, conn: StreamHandle | None) -> None:
        if err is not None:
            assert conn is None
            events.append((loop.now() - start, str(err), err.code, err.syscall))  # type: ignore[attr-defined]
            # Accepting is paused: the fd is not watched; a retry timer is armed.
            assert not watching_read(loop, fd)
            timer = server._retry_timer
            assert timer is not None and timer.active
            assert timer.deadline == loop.now() + ACCEPT_RETRY_MS
            assert loop.statistics().ref_timers == 0  # the retry timer is unref'd
        else:
            assert conn is not None
            events.append((loop.now() - start, "connection"))
            conn.close(None)
            server.close(None)

    server.onconnection = onconnection
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    client.connect(path)
    loop.run()
    client.close()
    name = errno.errorcode[code]
    step = ACCEPT_RETRY_MS
    assert events == [(0, f"accept {name}", name, "accept"),
                      (step, f"accept {name}", name, "accept"),
                      (2 * step, f"accept {name}", name, "accept"),
                      (3 * step, "connection")]
    # No busy loop: one accept per wakeup while failing, then the one that succeeds
    # (its callback closes the server, which ends the accept burst).
    assert fake.calls == 3 + 1


def test_close_while_accepting_is_paused_stops_the_retry(fake_loop: Loop,
                                                         tmp_path: Any) -> None:
    loop = fake_loop
    path = str(tmp_path / "srv.sock")
    server = pipe_listen(loop, path, 16)
    assert isinstance(server, StreamHandle)
    drop_reserve(loop)
    fake = AcceptFails(server._sock, errno.EMFILE, failures=1)
    server._sock = fake  # type: ignore[assignment]

    def onconnection(err: Exception | None, conn: StreamHandle | None) -> None:
        assert err is not None
        server.close(None)

    server.onconnection = onconnection
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    client.connect(path)
    loop.run()
    client.close()
    assert fake.calls == 1
    assert server._retry_timer is not None and not server._retry_timer.active


def test_econnaborted_is_skipped(loop: Loop, tmp_path: Any) -> None:
    path = str(tmp_path / "srv.sock")
    server = pipe_listen(loop, path, 16)
    assert isinstance(server, StreamHandle)
    fake = AcceptFails(server._sock, errno.ECONNABORTED, failures=2)
    server._sock = fake  # type: ignore[assignment]
    got: list[Any] = []

    def onconnection(err: Exception | None, conn: StreamHandle | None) -> None:
        got.append(err)
        if conn is not None:
            conn.close(None)
        server.close(None)

    server.onconnection = onconnection
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    client.connect(path)
    loop.run()
    client.close()
    assert got == [None] and fake.calls == 3
