"""AbortSignal on sockets and servers, and Node 22's blockList options (loopback)."""

from __future__ import annotations

from typing import Any

import pytest

from pynet import errors, net, run
from pynet._core.loop import Loop
from pynet.abort import AbortController, AbortError, AbortSignal
from tests.helpers import CallChecker


def test_abort_destroys_unconnected_socket_then_close_without_argument(
        loop: Loop, checker: CallChecker) -> None:
    log: list[Any] = []
    ac = AbortController()
    sock = net.Socket({"signal": ac.signal})
    sock.on("error", lambda e: log.append(("error", e.name, e.code, str(e))))
    sock.on("close", lambda *a: log.append(("close", a)))
    ac.abort()
    assert sock.destroyed
    run()
    assert log == [("error", "AbortError", "ABORT_ERR", "The operation was aborted"),
                   ("close", ())]
    assert isinstance(ac.signal.reason, Exception)


def test_already_aborted_signal(loop: Loop) -> None:
    log: list[Any] = []
    sock = net.Socket(signal=AbortSignal.abort("why"))
    sock.on("error", lambda e: log.append((type(e), e.cause)))
    sock.on("close", lambda *a: log.append("close"))
    run()
    assert log == [(AbortError, "why"), "close"]


def test_abort_while_connecting_closes_with_error(loop: Loop) -> None:
    log: list[Any] = []
    ac = AbortController()
    sock = net.connect({"port": 9, "host": "127.0.0.1", "signal": ac.signal})
    sock.on("error", lambda e: log.append(e.code))
    sock.on("close", lambda had_error: log.append(("close", had_error)))
    ac.abort()
    run()
    assert log == ["ABORT_ERR", ("close", True)]


def test_abort_closes_a_listening_server(loop: Loop, checker: CallChecker) -> None:
    ac = AbortController()
    server = net.createServer()
    server.on("close", checker.must_call())

    def on_listening() -> None:
        ac.abort()
        assert not server.listening

    server.listen({"port": 0, "host": "127.0.0.1", "signal": ac.signal},
                  checker.must_call(on_listening))
    run()


def test_bad_signal_raises(loop: Loop) -> None:
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE, match='"signal" argument must be an '
                                                          "instance of AbortSignal"):
        net.Socket({"signal": 1})


def test_server_block_list_closes_silently(loop: Loop, checker: CallChecker) -> None:
    blocked = net.BlockList()
    blocked.addAddress("127.0.0.1")
    server = net.createServer({"blockList": blocked}, checker.must_not_call("connection"))
    server.on("drop", checker.must_not_call("drop"))

    def on_listening() -> None:
        client = net.connect(server.address()["port"], "127.0.0.1")
        client.on("connect", checker.must_call())
        client.on("end", checker.must_call(lambda: server.close()))
        client.on("close", checker.must_call(lambda had_error: None))

    server.listen(0, "127.0.0.1", on_listening)
    run()


def test_socket_block_list_errors_after_attempt(loop: Loop) -> None:
    blocked = net.BlockList()
    blocked.addSubnet("127.0.0.0", 8)
    log: list[Any] = []
    sock = net.connect({"port": 9, "host": "127.0.0.1", "blockList": blocked})
    sock.on("connectionAttempt", lambda *a: log.append(("attempt", a)))
    sock.on("error", lambda e: log.append((e.code, str(e))))
    sock.on("close", lambda had_error: log.append(("close", had_error)))
    run()
    assert log == [("attempt", ("127.0.0.1", 9, 4)),
                   ("ERR_IP_BLOCKED", "IP(127.0.0.1) is blocked by net.BlockList"),
                   ("close", True)]


def test_block_list_option_validated(loop: Loop) -> None:
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE, match=r"options\.blockList"):
        net.createServer({"blockList": []})
