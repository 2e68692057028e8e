"""Port of test/parallel/test-dgram-send-error.js (Node v20).

A lookup error is emitted as 'error' (no callback) or passed to the callback;
a failing handle send reaches the callback as 'send <CODE> <address>:<port>'.
(Node patches the internal handle's lookup and send; here the handle's.)
"""

from __future__ import annotations

import errno

from pynet import dgram, nextTick, run

MOCK_ERROR = Exception("mock DNS error")


def get_socket(checker, callback) -> dgram.Socket:
    socket = dgram.createSocket("udp4")
    socket.on("message", checker.must_not_call("Should not receive any messages."))

    def on_bound() -> None:
        socket._lookup = lambda address, cb: nextTick(cb, MOCK_ERROR)
        callback(socket)

    socket.bind(checker.must_call(on_bound))
    return socket


def test_lookup_error_emitted(checker) -> None:
    def body(socket) -> None:
        def on_error(err) -> None:
            socket.close()
            assert err is MOCK_ERROR

        socket.on("error", checker.must_call(on_error))
        socket.send("foo", socket.address().port, "localhost")

    get_socket(checker, body)
    run()


def test_lookup_error_to_callback(checker) -> None:
    def body(socket) -> None:
        def callback(err) -> None:
            socket.close()
            assert err is MOCK_ERROR

        socket.send("foo", socket.address().port, "localhost", checker.must_call(callback))

    get_socket(checker, body)
    run()


def test_handle_send_error(checker, monkeypatch) -> None:
    socket = dgram.createSocket("udp4")
    socket.on("message", checker.must_not_call("Should not receive any messages."))

    def on_bound() -> None:
        port = socket.address().port

        def callback(err) -> None:
            socket.close()
            assert err.code == "EPERM"
            assert err.errno == errno.EPERM
            assert err.syscall == "send"
            assert err.address == "127.0.0.1"
            assert err.port == port
            assert str(err) == f"{err.syscall} {err.code} {err.address}:{err.port}"

        monkeypatch.setattr(type(socket._handle), "send", lambda *args: (errno.EPERM, 0))
        socket.send("foo", port, "127.0.0.1", checker.must_call(callback))

    socket.bind(checker.must_call(on_bound))
    run()
