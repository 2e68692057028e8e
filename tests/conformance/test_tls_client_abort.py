"""Port of test/parallel/test-tls-client-abort.js (Node v20).

destroy() right after tls.connect (with a client certificate, to a port nothing listens
on) does not throw, and the connect callback never runs.
"""

from __future__ import annotations

from pynet import run, tls
from tests.conformance._tls_fixtures import certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl


def test_client_abort(checker, certs, ports):  # noqa: F811
    conn = tls.connect({"cert": certs["client-cert.pem"], "key": certs["client-key.pem"],
                        "port": ports.refused()}, checker.must_not_call())
    conn.on("error", lambda e: None)
    conn.destroy()
    run()
