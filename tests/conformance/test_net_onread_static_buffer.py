"""Port of test/parallel/test-net-onread-static-buffer.js (Node v20).

The ``onread`` connect option: data lands in a caller-supplied buffer (static, or from a
factory called once per read) and goes to ``callback(nread, buf)`` instead of 'data';
pause() in the callback, or returning False from it, stops reading until resume().

Partial port: Buffer is ``bytearray``; Uint8Array is an ``array('B')``.  Node calls the
callback with the socket as ``this``; here the socket is captured instead.  Node v20 calls the
callback twice for the 11-byte message in an 8-byte buffer (8 + 3) and the 2-byte factory 7
times (6 reads + the read that sees EOF); those observed counts are checked.
"""

from __future__ import annotations

from array import array

import pytest

from pynet import net, run
from pynet.timers import clearTimeout, setTimeout

pytestmark = pytest.mark.timeout(10)

MESSAGE = b"hello world"


def serve(checker, on_port):
    def on_connection(socket):
        server.close()
        socket.end(MESSAGE)

    server = net.createServer(checker.must_call(on_connection))
    server.listen(0, checker.must_call(lambda: on_port(server.address().port)))


def test_typical_usage(checker):
    received = 0
    buffers = []
    sock_buf = bytearray(8)

    def callback(nread, buf):
        nonlocal received
        assert buf is sock_buf
        received += nread
        buffers.append(bytes(buf[:nread]))

    def on_end():
        assert received == len(MESSAGE)
        assert b"".join(buffers) == MESSAGE

    def on_port(port):
        net.connect({
            "port": port,
            "onread": {"buffer": sock_buf, "callback": checker.must_call_at_least(callback)},
        }).on("data", checker.must_not_call()).on("end", checker.must_call(on_end))

    serve(checker, on_port)
    run()


def test_uint8array_support(checker):
    received = 0
    incoming = array("B")
    sock_buf = array("B", bytes(8))

    def callback(nread, buf):
        nonlocal received
        assert buf is sock_buf
        received += nread
        incoming.extend(buf[:nread])

    def on_end():
        assert received == len(MESSAGE)
        assert incoming == array("B", MESSAGE)

    def on_port(port):
        net.connect({
            "port": port,
            "onread": {"buffer": sock_buf, "callback": checker.must_call(callback, 2)},
        }).on("data", checker.must_not_call()).on("end", checker.must_call(on_end))

    serve(checker, on_port)
    run()


@pytest.mark.parametrize("kind", ["buffer", "uint8array"])
def test_buffer_factory(checker, kind):
    received = 0
    incoming = []
    make = (lambda: bytearray(2)) if kind == "buffer" else (lambda: array("B", bytes(2)))
    buf_pool = [make(), make(), make()]
    buf_pool_idx = -1
    buf_pool_usage = 0

    def buffer():
        nonlocal buf_pool_idx, buf_pool_usage
        buf_pool_usage += 1
        buf_pool_idx = (buf_pool_idx + 1) % len(buf_pool)
        return buf_pool[buf_pool_idx]

    def callback(nread, buf):
        nonlocal received
        assert buf is buf_pool[buf_pool_idx]
        received += nread
        incoming.append(bytes(buf[:nread]))

    def on_end():
        assert received == len(MESSAGE)
        assert b"".join(incoming) == MESSAGE
        assert buf_pool_usage == 7

    def on_port(port):
        net.connect({
            "port": port,
            "onread": {"buffer": buffer, "callback": checker.must_call(callback, 6)},
        }).on("data", checker.must_not_call()).on("end", checker.must_call(on_end))

    serve(checker, on_port)
    run()


@pytest.mark.parametrize("how", ["explicit", "implicit"])
def test_socket_pause(checker, how):
    received = 0
    buffers = []
    sock_buf = bytearray(8)
    paused = False
    cell = []

    def callback(nread, buf):
        nonlocal received, paused
        assert paused is False
        assert buf is sock_buf
        received += nread
        buffers.append(bytes(buf[:nread]))
        paused = True
        socket = cell[0]
        if how == "explicit":
            socket.pause()

        def unpause():
            nonlocal paused
            paused = False
            socket.resume()

        setTimeout(unpause, 100)
        if how == "implicit":
            return False
        return None

    def on_end():
        assert received == len(MESSAGE)
        assert b"".join(buffers) == MESSAGE

    def on_port(port):
        cell.append(net.connect({
            "port": port,
            "onread": {"buffer": sock_buf, "callback": checker.must_call(callback, 2)},
        }).on("data", checker.must_not_call()).on("end", checker.must_call(on_end)))

    serve(checker, on_port)
    run()


def test_end_without_data_listener(checker):
    # Not in the original: the same exchange without a 'data' listener (checked with node).
    received = []
    sock_buf = bytearray(8)
    clients = []
    events = []

    def on_port(port):
        client = net.connect({
            "port": port,
            "onread": {"buffer": sock_buf,
                       "callback": lambda nread, buf: received.append(bytes(buf[:nread]))},
        })
        client.on("end", lambda: events.append("end"))
        client.on("close", lambda: events.append("close"))
        clients.append(client)

    serve(checker, on_port)

    def give_up():
        # Bound the test: Node ends within a few ms; drop the client if pynet does not.
        for c in clients:
            if not c.destroyed:
                c.destroy()

    guard = setTimeout(give_up, 1000).unref()
    run()
    clearTimeout(guard)
    assert b"".join(received) == MESSAGE
    assert events == ["end", "close"]
