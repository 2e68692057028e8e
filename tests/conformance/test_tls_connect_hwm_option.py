"""Port of test/parallel/test-tls-connect-hwm-option.js (Node v20).

tls.connect's highWaterMark option sets readableHighWaterMark (128000, the
default (Node v20: 16 KiB) when undefined, 0).
"""

from __future__ import annotations

from pynet import run, tls
from tests.conformance._tls_fixtures import agent1, certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl


def test_connect_hwm_option(checker, certs):  # noqa: F811
    clients = [0]

    def on_secure_connection(s):
        clients[0] -= 1
        if clients[0] == 0:
            server.close()

    server = tls.createServer(agent1(certs), checker.must_call(on_secure_connection, 3))

    def on_listening():
        # Node v20's default is 16 KiB (64 KiB from v22, as the newest test says).
        for hwm, expected in ((128000, 128000), (None, 16 * 1024), (0, 0)):
            clients[0] += 1

            def make(hwm, expected):
                def on_secure():
                    assert sock.readableHighWaterMark == expected
                    sock.end()

                sock = tls.connect({"port": server.address().port, "rejectUnauthorized": False,
                                    "highWaterMark": hwm}, checker.must_call(on_secure))

            make(hwm, expected)

    server.listen(0, checker.must_call(on_listening))
    run()
