"""pynet._net.js_stream_socket (Node's JSStreamSocket, lib/internal/js_stream_socket.js)."""

from __future__ import annotations

from pynet import stream
from pynet._net.js_stream_socket import JSStreamSocket


def test_a_string_chunk_is_err_stream_wrap(loop, checker):
    duplex = stream.Duplex({"read": lambda *a: None, "write": lambda c, e, cb: cb()})
    duplex.setEncoding("utf8")
    wrapped = JSStreamSocket(duplex)
    codes = []
    wrapped.on("error", checker.must_call(lambda err: codes.append(err.code)))
    duplex.push("hello")
    loop.run()
    assert codes == ["ERR_STREAM_WRAP"]
    wrapped.destroy()
    loop.run()


def test_bytes_reach_the_handle_and_close_destroys_the_stream(loop, checker):
    duplex = stream.Duplex({"read": lambda *a: None, "write": lambda c, e, cb: cb()})
    wrapped = JSStreamSocket(duplex)
    handle = wrapped._handle
    got = []
    handle.onread = lambda data, err: got.append((data, err))
    duplex.push(b"abc")
    duplex.push(None)
    loop.run()
    assert got == [(b"abc", None), (None, None)]
    duplex.on("close", checker.must_call())
    wrapped.destroy()
    loop.run()
    assert duplex.destroyed
