"""Port of test/parallel/test-tls-socket-failed-handshake-emits-error.js (Node v20).

A server-side TLSSocket made (200 ms late) over a net.Socket that received 1 KiB of
garbage emits 'error' (wrong version number), then 'close'.
"""

from __future__ import annotations

from pynet import net, run, tls
from pynet.timers import setTimeout


def test_socket_failed_handshake_emits_error(checker):
    def on_connection(c):
        def later():
            s = tls.TLSSocket(c, {"isServer": True, "server": server})

            def on_error(e):
                assert isinstance(e, Exception)
                assert e.code == "ERR_SSL_WRONG_VERSION_NUMBER"
                assert "SSL routines" in str(e) and "wrong version number" in str(e)

            s.on("error", checker.must_call(on_error))

            def on_close():
                server.close()
                s.destroy()

            s.on("close", checker.must_call(on_close))

        setTimeout(later, 200)

    server = net.createServer(on_connection)

    def on_listening():
        c = net.connect({"port": server.address().port}, lambda: c.write(b"\x2a" * 1024))
        c.on("error", lambda e: None)
        c.on("close", checker.must_call(lambda: None))

    server.listen(0, on_listening)
    run()
