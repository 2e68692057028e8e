"""Port of test/parallel/test-tls-delayed-attach-error.js (Node v20).

A net server wraps its connection in a server TLSSocket 200 ms late, after the client
sent 1 KiB of garbage: the TLSSocket emits '_tlsError', then 'close'.
"""

from __future__ import annotations

from pynet import net, run, setTimeout, tls
from tests.conformance._tls_fixtures import agent1, certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl


def test_delayed_attach_error(checker, certs):  # noqa: F811
    bonkers = b"\x2a" * 1024

    def on_connection(c):
        def attach():
            s = tls.TLSSocket(c, {"isServer": True,
                                  "secureContext": tls.createSecureContext(agent1(certs))})
            s.on("_tlsError", checker.must_call())

            def on_close():
                server.close()
                s.destroy()

            s.on("close", on_close)

        setTimeout(checker.must_call(attach), 200)

    server = net.createServer(checker.must_call(on_connection))

    def on_listening():
        c = net.connect({"port": server.address().port}, lambda: c.write(bonkers))
        # Node's client is left to the process exit; here it is read to its end.
        c.on("error", lambda e: None)
        c.resume()

    server.listen(0, on_listening)
    run()
