"""Port of test/parallel/test-tls-peer-certificate-encoding.js (Node v20).

A certificate whose CN is UTF-8 ('Ádám Lippai', as Node's agent5): getPeerCertificate()
decodes it.
"""

from __future__ import annotations

from pynet import run, tls
from tests.conformance._tls_fixtures import needs_openssl
from tests.conformance.test_tls_peer_certificate_multi_keys import self_signed

pytestmark = needs_openssl


def test_peer_certificate_encoding(checker, tmp_path):
    options = self_signed(tmp_path, "/C=HU/L=Budapest/O=Node.js/CN=\u00c1d\u00e1m Lippai")
    ends = []

    def on_secure(cleartext):
        ends.append(cleartext)
        cleartext.end("World")

    server = tls.Server(options, on_secure)

    def on_listening():
        def on_connect():
            assert socket.getPeerCertificate()["subject"]["CN"] == "\u00c1d\u00e1m Lippai"
            server.close()

        socket = tls.connect({"port": server.address().port, "rejectUnauthorized": False},
                             checker.must_call(on_connect))
        ends.append(socket)
        socket.end("Hello")

    server.listen(0, checker.must_call(on_listening))
    run()
    # Node's process exits here with both ends still open (paused: nobody reads the
    # peer's 'end'); close them for the fd-leak check.
    for end in ends:
        end.destroy()
    run()
