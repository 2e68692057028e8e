"""Port of test/parallel/test-tls-client-abort2.js (Node v20).

tls.connect to a port nothing listens on: 'error' (ECONNREFUSED), where destroy() does not
throw; the connect callback never runs.
"""

from __future__ import annotations

from pynet import run, tls


def test_client_abort2(checker, ports):
    conn = tls.connect(ports.refused(), checker.must_not_call())

    def on_error(err):
        assert err.code == "ECONNREFUSED"
        conn.destroy()

    conn.on("error", checker.must_call(on_error))
    run()
