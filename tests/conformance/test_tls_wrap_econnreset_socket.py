"""Port of test/parallel/test-tls-wrap-econnreset-socket.js (Node v20).

tls.connect({socket}) over a net.Socket connected later to a server that ends at once:
ECONNRESET with no path, host, port or localAddress.
"""

from __future__ import annotations

from pynet import net, run, tls


def test_wrap_econnreset_socket(checker):
    conns = []
    # The server's socket keeps the unread ClientHello, so it never emits 'end': Node's
    # process exits with it open (its handle stopped reading at EOF); close it here.
    server = net.createServer(lambda c: (conns.append(c), c.end()))

    def on_listening():
        port = server.address().port
        socket = net.Socket()

        def on_error(e):
            assert e.code == "ECONNRESET"
            for name in ("path", "host", "port", "localAddress"):
                assert getattr(e, name, None) is None
            server.close()
            for c in conns:
                c.destroy()

        tls.connect({"socket": socket}).once("error", checker.must_call(on_error))
        socket.connect(port)

    server.listen(checker.must_call(on_listening))
    run()
