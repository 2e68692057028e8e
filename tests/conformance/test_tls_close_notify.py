"""Port of test/parallel/test-tls-close-notify.js (Node v20).

A server that sends close_notify without shutting TCP down still makes the client emit 'end'.
"""

from __future__ import annotations

import ssl

from pynet import run, tls
from tests.conformance._tls_fixtures import agent1, certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl


def test_close_notify_without_fin_is_end(checker, certs):  # noqa: F811
    def on_secure(c):
        # Node: c._handle.shutdownSSL(): close_notify, the TCP socket stays open.
        handle = c._tls_handle
        try:
            handle.ssl.unwrap()
        except ssl.SSLError:
            pass
        handle._flush()

    server = tls.createServer(agent1(certs), on_secure)

    def on_listening():
        c = tls.connect(server.address().port, {"rejectUnauthorized": False},
                        checker.must_call(lambda: c.on("end", checker.must_call(
                            lambda: (c.destroy(), server.close())))))

    server.listen(0, checker.must_call(on_listening))
    run()
