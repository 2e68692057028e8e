"""Port of test/parallel/test-net-connect-options-ipv6.js (Node v20).

The ``family: 6`` option reaches the custom lookup; the client connects to ::1 and, half-open, stays writable after the server's FIN.
"""

from __future__ import annotations

from pynet import net, run
from pynet.timers import setTimeout

HOST_ADDR_IPV6 = "::1"
HOSTNAME = "dummy"


def test_family_option_honoured(checker) -> None:
    def on_connection(socket) -> None:
        socket.resume()
        socket.on("end", checker.must_call())
        socket.end()

    server = net.createServer({"allowHalfOpen": True}, checker.must_call(on_connection))

    def lookup(addr, opt, cb) -> None:
        assert addr == HOSTNAME
        assert opt["family"] == 6
        cb(None, HOST_ADDR_IPV6, opt["family"])

    def try_connect() -> None:
        connect_opt = {
            "host": HOSTNAME,
            "port": server.address().port,
            "family": 6,
            "allowHalfOpen": True,
            "lookup": checker.must_call(lookup),
        }

        def on_connect() -> None:
            client.resume()

            def on_end() -> None:
                def later() -> None:
                    # A tick later the stream must still be writable.
                    assert client.writable
                    client.end()
                setTimeout(checker.must_call(later), 10)

            client.on("end", checker.must_call(on_end))
            client.on("close", lambda: server.close())

        client = net.connect(connect_opt, checker.must_call(on_connect))

    server.listen(0, HOST_ADDR_IPV6, checker.must_call(try_connect))
    run()
