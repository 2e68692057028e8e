"""Port of test/parallel/test-net-listen-ipv6only.js (Node v20).

A server on '::' with ipv6Only:true is not dual-stack: connecting to 0.0.0.0 on its port gets
ECONNREFUSED.
"""

from __future__ import annotations

import pytest

from pynet import net, run

pytestmark = pytest.mark.timeout(10)


def test_listen_ipv6only(checker):
    server = net.createServer()

    def on_listening():
        port = server.address().port
        socket = net.connect({"host": "0.0.0.0", "port": port})
        socket.on("connect", checker.must_not_call())

        def on_error(err):
            assert err.code == "ECONNREFUSED"
            server.close()

        socket.on("error", checker.must_call(on_error))

    server.listen({"host": "::", "port": 0, "ipv6Only": True}, checker.must_call(on_listening))
    run()
