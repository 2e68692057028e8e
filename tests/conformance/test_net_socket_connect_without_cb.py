"""Port of test/parallel/test-net-socket-connect-without-cb.js (Node v20).

socket.connect(server.address()) with no callback connects and emits 'connect'.
"""

from __future__ import annotations

import socket

import pytest

from pynet import net, run


def localhost_resolves_ipv6():
    try:
        return bool(socket.getaddrinfo("localhost", None, socket.AF_INET6))
    except OSError:
        return False


def connect_to_address_object(checker, *listen_args):
    def on_connection(conn):
        conn.end()
        server.close()

    server = net.createServer(checker.must_call(on_connection))

    def on_listening():
        client = net.Socket()
        client.on("connect", checker.must_call(lambda: client.end()))
        # {address, family, port}: the host is 'localhost', looked up with that family.
        client.connect(server.address())

    server.listen(0, *listen_args, checker.must_call(on_listening))
    run()


# Node's test: the default listen address is '::' (family 'IPv6'), so 'localhost' is
# looked up for IPv6.  Where localhost has no IPv6 address, the installed node v20
# fails the same way ('getaddrinfo ENOTFOUND localhost').
@pytest.mark.skipif(not localhost_resolves_ipv6(),
                    reason="localhost does not resolve to an IPv6 address here")
def test_connect_without_callback(checker):
    connect_to_address_object(checker)


def test_connect_without_callback_ipv4(checker):
    # The same with an IPv4 server, so that the point is checked on every host.
    connect_to_address_object(checker, "127.0.0.1")
