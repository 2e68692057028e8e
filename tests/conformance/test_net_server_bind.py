"""Port of test/sequential/test-net-server-bind.js (Node v20).

listen(cb) gets an OS port; listen(port) without cb; a numeric argument after port/host is the backlog.
"""

from __future__ import annotations

import pytest

from pynet import net, run
from pynet.timers import setTimeout

pytestmark = pytest.mark.timeout(10)


def test_listen_callback_only(checker) -> None:
    # With only a callback, the server gets a port assigned by the OS.
    server = net.createServer(checker.must_not_call("connection"))

    def on_listening() -> None:
        assert server.address().port > 100
        server.close()

    server.listen(checker.must_call(on_listening))
    run()


def test_listen_port_without_callback(checker, ports) -> None:
    # No callback to listen(): assume it can bind within 100 ms.
    # (Node also checks the internal _connectionKey, which pynet does not have.)
    port = ports.reserved()  # Node: common.PORT
    server = net.createServer(checker.must_not_call("connection"))
    server.listen(port)

    def later() -> None:
        assert server.address().port == port
        server.close()

    setTimeout(checker.must_call(later), 100)
    run()


def test_listen_port_with_callback(checker, ports) -> None:
    port = ports.reserved()  # Node: common.PORT + 1
    server = net.createServer(checker.must_not_call("connection"))

    def on_listening() -> None:
        assert server.address().port == port
        server.close()

    server.listen(port, checker.must_call(on_listening))
    run()


def test_backlog_argument(checker, ports) -> None:
    port = ports.reserved("0.0.0.0")  # Node: common.PORT + 2
    server = net.createServer(checker.must_not_call("connection"))

    def on_listening() -> None:
        assert server.address().port == port
        server.close()

    server.listen(port, "0.0.0.0", 127, checker.must_call(on_listening))
    run()


def test_backlog_argument_without_host(checker, ports) -> None:
    port = ports.reserved()  # Node: common.PORT + 3
    server = net.createServer(checker.must_not_call("connection"))

    def on_listening() -> None:
        assert server.address().port == port
        server.close()

    server.listen(port, 127, checker.must_call(on_listening))
    run()
