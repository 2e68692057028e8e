"""Port of test/parallel/test-net-server-listen-options.js (Node v20).

Every listen() overload emits 'listening'; bad ports throw ERR_SOCKET_BAD_PORT (port is
checked before path); bad option objects throw ERR_INVALID_ARG_VALUE with Node's messages.
"""

from __future__ import annotations

import math
import re

import pytest

from pynet import errors, net, run
from tests.conformance.common import assert_node_error


def test_listen_overloads(checker):
    def closer(server):
        return checker.must_call(lambda: server.close())

    # listen()
    s1 = net.createServer()
    s1.listen().on("listening", closer(s1))
    # listen(cb)
    s2 = net.createServer()
    s2.listen(closer(s2))
    # listen(port)
    s3 = net.createServer()
    s3.listen(0).on("listening", closer(s3))
    # listen({port})
    s4 = net.createServer()
    s4.listen({"port": 0}).on("listening", closer(s4))
    run()


def listen_with_options(port, cb):
    server = net.createServer()
    return server, lambda: server.listen({"port": port}, cb)


def listen_with_port(port, cb):
    server = net.createServer()
    return server, lambda: server.listen(port, cb)


@pytest.mark.parametrize("listen", [listen_with_options, listen_with_port],
                         ids=["listen({port}, cb)", "listen(port, cb)"])
def test_listen_port_values(checker, listen):
    # Arbitrary unused ports.  (JavaScript's undefined and null are both None.)
    for port in ("0", 0, None, None):
        servers = []
        server, call = listen(port, checker.must_call(
            lambda servers=servers: servers[0].close()))
        servers.append(server)
        call()

    # Invalid ports.
    for port in (-1, math.nan, 123.456, 65536, math.inf, -math.inf):
        server, call = listen(port, checker.must_not_call(f"listen({port!r})"))
        with pytest.raises(errors.ERR_SOCKET_BAD_PORT) as info:
            call()
        assert_node_error(info.value, "ERR_SOCKET_BAD_PORT", "RangeError")
        js = {math.nan: "NaN", math.inf: "Infinity", -math.inf: "-Infinity"}
        shown = "NaN" if port != port else js.get(port, repr(port))
        assert str(info.value) == (  # Node v20's message (installed node).
            f"options.port should be >= 0 and < 65536. Received type number ({shown}).")
        assert not server.listening
    run()


def test_port_checked_before_path(checker, tmp_path):
    # In listen(options, cb), port takes precedence over path.
    server = net.createServer()
    with pytest.raises(errors.ERR_SOCKET_BAD_PORT) as info:
        server.listen({"port": -1, "path": str(tmp_path / "p.sock")},
                      checker.must_not_call("listen callback"))
    assert_node_error(info.value, "ERR_SOCKET_BAD_PORT", "RangeError")
    run()


INVALID = re.compile(r"^The argument 'options' is invalid\. Received .+$", re.S)
NO_PORT_OR_PATH = re.compile(
    r"^The argument 'options' must have the property \"port\" or \"path\"\. Received .+$",
    re.S)


# (options, the exact v20 message's "Received ..." part, from the installed node).
SHOULD_FAIL = [
    (False, "{ port: false }"),
    ({"port": False}, "{ port: false }"),
    (True, "{ port: true }"),
    ({"port": True}, "{ port: true }"),
    ({"fd": -1}, "{ fd: -1 }"),  # An invalid fd as listen(handle).
    ({"path": -1}, "{ path: -1 }"),  # An invalid path in listen(options).
    # Neither port nor path.
    ({}, "{}"),
    ({"host": "localhost"}, "{ host: 'localhost' }"),
    ({"host": "localhost:3000"}, "{ host: 'localhost:3000' }"),
    ({"host": {"port": 3000}}, "{ host: { port: 3000 } }"),
    ({"exclusive": True}, "{ exclusive: true }"),
]


@pytest.mark.parametrize(("options", "received"), SHOULD_FAIL, ids=repr)
def test_should_fail_to_listen(checker, options, received):
    server = net.createServer()
    with pytest.raises(errors.ERR_INVALID_ARG_VALUE) as info:
        server.listen(options, checker.must_not_call("listen callback"))
    assert_node_error(info.value, "ERR_INVALID_ARG_VALUE", "TypeError")
    message = str(info.value)
    if isinstance(options, dict) and "port" not in options and "path" not in options:
        assert NO_PORT_OR_PATH.match(message), message
    else:
        assert INVALID.match(message), message
    assert message.endswith(f"Received {received}"), message
    assert not server.listening
    run()
