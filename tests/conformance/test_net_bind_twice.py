"""Port of test/parallel/test-net-bind-twice.js (Node v20).

A second server on the same 127.0.0.1 port gets 'error' EADDRINUSE and no listen callback.
"""

from __future__ import annotations

from pynet import net, run


def test_bind_twice(checker) -> None:
    server1 = net.createServer(checker.must_not_call())

    def on_listening() -> None:
        server2 = net.createServer(checker.must_not_call())
        server2.listen(server1.address().port, "127.0.0.1", checker.must_not_call())

        def on_error(e) -> None:
            assert e.code == "EADDRINUSE"
            server1.close()

        server2.on("error", checker.must_call(on_error))

    server1.listen(0, "127.0.0.1", checker.must_call(on_listening))
    run()
