"""Port of test/parallel/test-net-client-bind-twice.js (Node v20).

connect() from a local port another server listens on fails with EADDRINUSE.
"""

from __future__ import annotations

from pynet import net, run

LOCALHOST_IPV4 = "127.0.0.1"


def test_connect_from_used_local_port(checker) -> None:
    server1 = net.createServer(checker.must_not_call())

    def on_listening1() -> None:
        server2 = net.createServer(checker.must_not_call())

        def on_listening2() -> None:
            client = net.connect({
                "host": LOCALHOST_IPV4,
                "port": server1.address().port,
                "localAddress": LOCALHOST_IPV4,
                "localPort": server2.address().port,
            }, checker.must_not_call())

            def on_error(err) -> None:
                assert err.code == "EADDRINUSE"
                server1.close()
                server2.close()

            client.on("error", checker.must_call(on_error))

        server2.listen(0, LOCALHOST_IPV4, checker.must_call(on_listening2))

    server1.listen(0, LOCALHOST_IPV4, checker.must_call(on_listening1))
    run()
