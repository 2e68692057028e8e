"""Port of test/parallel/test-tls-wrap-econnreset.js (Node v20).

A TCP server that ends at once: tls.connect fails with ECONNRESET carrying host and port,
no path and no localAddress.
"""

from __future__ import annotations

from pynet import net, run, tls


def test_econnreset_fields(checker):
    server = net.createServer(lambda c: (c.resume(), c.end()))

    def on_listening():
        port = server.address().port

        def on_error(e):
            assert e.code == "ECONNRESET"
            assert e.path is None
            assert e.host == "127.0.0.1"
            assert e.port == port
            assert e.localAddress is None
            server.close()

        tls.connect(port, "127.0.0.1").once("error", checker.must_call(on_error))

    server.listen(0, checker.must_call(on_listening))
    run()
