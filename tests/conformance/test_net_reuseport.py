"""Port of test/parallel/test-net-reuseport.js (Node v20).

With `reusePort`, two servers listen on the same port (127.0.0.1 and ::).

The file is not in Node v20's suite: `reusePort` arrived in Node 22.12, and Node v20
ignores the key (its second listen() gets EADDRINUSE).  pynet implements the Node 22
option as an addition (like `blockList`), so this port checks the newer suite's
behaviour.
"""

from __future__ import annotations

import socket

import pytest

from pynet import net, run
from tests.conformance.common import has_ipv6


def one_host(checker, host):
    server1 = net.createServer()
    server2 = net.createServer()

    def on_listening1():
        port = server1.address().port

        def on_listening2():
            server1.close()
            server2.close()

        server2.listen({"port": port, "host": host, "reusePort": True},
                       checker.must_call(on_listening2))

    server1.listen({"port": 0, "host": host, "reusePort": True},
                   checker.must_call(on_listening1))
    server1.on("error", checker.must_not_call("server1 error"))
    server2.on("error", checker.must_not_call("server2 error"))


@pytest.mark.skipif(not hasattr(socket, "SO_REUSEPORT"),
                    reason="The `reusePort` option is not supported")
def test_reuse_port(checker):
    one_host(checker, "127.0.0.1")
    if has_ipv6():
        one_host(checker, "::")
    run()
