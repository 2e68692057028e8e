"""Port of test/parallel/test-tls-reuse-host-from-socket.js (Node v20).

tls.connect({socket}) over a connected net.Socket takes the host for the identity check
from the socket.
"""

from __future__ import annotations

from pynet import net, run, tls
from tests.conformance._tls_fixtures import agent1, certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl


def test_reuse_host_from_socket(checker, certs):  # noqa: F811
    server = tls.createServer(agent1(certs))

    def on_listening():
        def on_connect():
            def on_secure():
                secure_socket.destroy()
                server.close()

            secure_socket = tls.connect({"socket": socket, "rejectUnauthorized": False},
                                        checker.must_call(on_secure))

        socket = net.connect(server.address().port, checker.must_call(on_connect))

    server.listen(0, checker.must_call(on_listening))
    run()
