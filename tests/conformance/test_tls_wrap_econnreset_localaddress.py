"""Port of test/parallel/test-tls-wrap-econnreset-localaddress.js (Node v20).

A server that ends at once: the TLS client's ECONNRESET carries port and localAddress
(no path, no host: the host was given positionally).
"""

from __future__ import annotations

from pynet import net, run, tls


def test_wrap_econnreset_localaddress(checker):
    conns = []
    server = net.createServer(lambda c: (conns.append(c), c.end()))

    def on_listening():
        port = server.address().port

        def on_error(e):
            assert e.code == "ECONNRESET"
            assert getattr(e, "path", None) is None
            assert getattr(e, "host", None) is None
            assert e.port == port
            assert e.localAddress == "127.0.0.1"
            server.close()
            for c in conns:
                c.destroy()  # It never reads the ClientHello, so never sees the end.

        tls.connect({"port": port, "localAddress": "127.0.0.1"}, "127.0.0.1").once(
            "error", checker.must_call(on_error))

    server.listen(checker.must_call(on_listening))
    run()
