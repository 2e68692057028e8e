"""Port of test/parallel/test-tls-connect-pipe.js (Node v20).

A TLS server on a Unix socket and tls.connect(path, options, cb).
"""

from __future__ import annotations

from pynet import run, tls
from tests.conformance._tls_fixtures import agent1, certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl


def test_connect_pipe(checker, certs, tmp_path):  # noqa: F811
    pipe = str(tmp_path / "tls.sock")
    server = tls.Server(agent1(certs), checker.must_call(lambda s: server.close()))

    def on_listening():
        client = tls.connect(pipe, {"rejectUnauthorized": False},
                             checker.must_call(lambda: client.end()))

    server.listen(pipe, checker.must_call(on_listening))
    run()
