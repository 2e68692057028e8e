"""Port of test/parallel/test-net-connect-options-port.js (Node v20).

Port validation in every connect call style (bad types → ERR_INVALID_ARG_TYPE, out of range →
ERR_SOCKET_BAD_PORT, bad hints → ERR_INVALID_ARG_VALUE), 72 good connects with number, decimal
string and hex string ports, and an asynchronous connect error for port 0.
"""

from __future__ import annotations

import math
import re

import pytest

from pynet import dns, errors, net, run

pytestmark = pytest.mark.timeout(15)


def do_connect(args, get_cb):
    """The six call styles of the original, each returning the (resumed) socket."""

    def create_connection_with_cb():
        return net.createConnection(*args, get_cb()).resume()

    def create_connection_without_cb():
        return net.createConnection(*args).on("connect", get_cb()).resume()

    def connect_with_cb():
        return net.connect(*args, get_cb()).resume()

    def connect_without_cb():
        return net.connect(*args).on("connect", get_cb()).resume()

    def socket_connect_with_cb():
        return net.Socket().connect(*args, get_cb()).resume()

    def socket_connect_without_cb():
        return net.Socket().connect(*args).on("connect", get_cb()).resume()

    return [create_connection_with_cb, create_connection_without_cb, connect_with_cb,
            connect_without_cb, socket_connect_with_cb, socket_connect_without_cb]


def arg_forms(port, opt_only=False):
    forms = [] if opt_only else [[port], [port, "localhost"]]
    return [*forms, [{"port": port}], [{"port": port, "host": "localhost"}]]


def sync_fail_to_connect(checker, port, code, base, opt_only=False, codes=None):
    for args in arg_forms(port, opt_only):
        for fn in do_connect(args, checker.must_not_call):
            with pytest.raises(base) as info:
                fn()
            assert info.value.code in (codes or (code,)), f"{fn.__name__}({args!r})"


@pytest.mark.parametrize("port", [True, False, [], {}], ids=repr)
def test_wrong_port_types(checker, port):
    opt_only = isinstance(port, (list, dict))
    sync_fail_to_connect(checker, port, "ERR_INVALID_ARG_TYPE", TypeError, opt_only)
    run()


def test_null_port(checker):
    # Node: ``null`` → ERR_INVALID_ARG_TYPE, but ``undefined`` → ERR_MISSING_ARGS.  Python's
    # None stands for both (mapping §3), so either TypeError code is Node's answer here.
    sync_fail_to_connect(checker, None, "ERR_INVALID_ARG_TYPE", TypeError,
                         codes=("ERR_INVALID_ARG_TYPE", "ERR_MISSING_ARGS"))
    run()


@pytest.mark.parametrize(
    ("port", "opt_only"),
    [("", False), (" ", False), ("0x", True), ("-0x1", True), (math.nan, False),
     (math.inf, False), (-1, False), (65536, False)],
    ids=repr)
def test_out_of_range_ports(checker, port, opt_only):
    sync_fail_to_connect(checker, port, "ERR_SOCKET_BAD_PORT", ValueError, opt_only)
    run()


def test_invalid_hints(checker):
    hints = (dns.ADDRCONFIG | dns.V4MAPPED | dns.ALL) + 42
    for fn in do_connect([{"port": 42, "hints": hints}], checker.must_not_call):
        with pytest.raises(TypeError) as info:
            fn()
        assert info.value.code == "ERR_INVALID_ARG_VALUE"
        assert re.search(r"The argument 'hints' is invalid\. Received \d+", str(info.value))
    run()


def test_valid_ports_then_async_failure(checker):
    expected_connections = 72
    server_connected = 0

    def on_connection(socket):
        nonlocal server_connected
        socket.end("ok")
        server_connected += 1
        if server_connected == expected_connections:
            server.close()

    server = net.createServer(checker.must_call(on_connection, expected_connections))

    def can_connect(port):
        for args in arg_forms(port):
            for fn in do_connect(args, checker.must_call):
                fn()

    def on_listening():
        port = server.address().port
        # Total connections = 3 * 4 (arg forms) * 6 (call styles) = 72.
        can_connect(port)
        can_connect(str(port))
        can_connect(f"0x{port:x}")

    server.listen(0, "localhost", checker.must_call(on_listening))

    def on_error(err):
        assert isinstance(err, OSError)
        assert not isinstance(err, errors.NodeError)
        # String(err) in Node is 'Error: ' + message.
        assert re.match(r"^connect E\w+.+$", str(err)), str(err)

    def async_fail_to_connect(port):
        for args in [[port], [{"port": port}], [{"port": port, "host": "localhost"}]]:
            for fn in do_connect(args, checker.must_not_call):
                fn().on("error", checker.must_call(on_error))

    # Try connecting to port 0, but do so once the server is closed.
    server.on("close", lambda: async_fail_to_connect(0))
    run()
    assert server_connected == expected_connections
