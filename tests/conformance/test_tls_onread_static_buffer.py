"""Port of test/parallel/test-tls-onread-static-buffer.js (Node v20).

tls.connect's ``onread`` option: the plaintext lands in a caller-supplied buffer (a
static one, or one from a function called for the first buffer and after each
callback) and goes to ``callback(nread, buf)`` instead of 'data'; pause() in the
callback, or returning False from it, stops reading until resume().

Buffer is ``bytearray``; Uint8Array is an ``array('B')``.  Node v20 calls the
callback twice for the 11-byte message in an 8-byte buffer (8 + 3), and the 2-byte
buffer function 7 times (6 callbacks + the buffer after the last): checked with node.
"""

from __future__ import annotations

from array import array

import pytest

from pynet import run, tls
from pynet.timers import setTimeout
from tests.conformance._tls_fixtures import agent2, certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl

SMALL = b"hello world"
# Used to test pause(), so larger than the internal buffer.
LARGE = (b"hello world" * (64 * 1024 // 11 + 1))[:64 * 1024]


def serve(checker, certs, message, on_port):  # noqa: F811
    def on_connection(socket):
        server.close()
        socket.end(message)

    server = tls.createServer(agent2(certs), checker.must_call(on_connection))
    server.listen(0, lambda: on_port(server.address().port))


def connect(port, onread):
    return tls.connect({"port": port, "rejectUnauthorized": False, "onread": onread})


@pytest.mark.parametrize("kind", ["buffer", "uint8array"])
def test_static_buffer(checker, certs, kind):  # noqa: F811
    received = 0
    incoming = bytearray()
    sock_buf = bytearray(8) if kind == "buffer" else array("B", bytes(8))

    def callback(nread, buf):
        nonlocal received
        assert buf is sock_buf
        received += nread
        incoming.extend(buf[:nread])

    def on_end():
        assert received == len(SMALL)
        assert bytes(incoming) == SMALL

    def on_port(port):
        connect(port, {"buffer": sock_buf, "callback": checker.must_call(callback, 2)}) \
            .on("data", checker.must_not_call()).on("end", checker.must_call(on_end))

    serve(checker, certs, SMALL, on_port)
    run()


@pytest.mark.parametrize("kind", ["buffer", "uint8array"])
def test_buffer_function(checker, certs, kind):  # noqa: F811
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
        assert received == len(SMALL)
        assert b"".join(incoming) == SMALL
        assert buf_pool_usage == 7

    def on_port(port):
        connect(port, {"buffer": buffer, "callback": checker.must_call(callback, 6)}) \
            .on("data", checker.must_not_call()).on("end", checker.must_call(on_end))

    serve(checker, certs, SMALL, on_port)
    run()


@pytest.mark.parametrize("how", ["explicit", "implicit"])
def test_socket_pause(checker, certs, how):  # noqa: F811
    received = 0
    buffers = []
    sock_buf = bytearray(64)
    pause_scheduled = False
    cell = []

    def callback(nread, buf):
        nonlocal received, pause_scheduled
        assert buf is sock_buf
        received += nread
        buffers.append(bytes(buf[:nread]))
        if not pause_scheduled:
            pause_scheduled = True
            client = cell[0]
            if how == "explicit":
                client.pause()
            setTimeout(client.resume, 100)
            if how == "implicit":
                return False
        return True if how == "implicit" else None

    def on_end():
        assert received == len(LARGE)
        assert b"".join(buffers) == LARGE

    def on_port(port):
        cell.append(connect(port, {"buffer": sock_buf,
                                   "callback": checker.must_call_at_least(callback)})
                    .on("data", checker.must_not_call()).on("end", checker.must_call(on_end)))

    serve(checker, certs, LARGE, on_port)
    run()
