"""Port of test/parallel/test-net-after-close.js (Node v20).

After 'close' the socket has no handle and its option/address methods don't throw.
"""

from __future__ import annotations

from pynet import net, run


def test_methods_after_close(checker) -> None:
    server = net.createServer(lambda s: s.end())

    def on_listening() -> None:
        c = net.createConnection(server.address().port)

        def on_close() -> None:
            assert c._handle is None
            # None of these may raise once the handle is gone.
            c.setNoDelay()
            c.setKeepAlive()
            c.bufferSize  # noqa: B018 - the read itself is the check
            c.pause()
            c.resume()
            c.address()
            c.remoteAddress  # noqa: B018
            c.remotePort  # noqa: B018
            server.close()

        c.on("close", checker.must_call(on_close))

    server.listen(0, checker.must_call(on_listening))
    run()
