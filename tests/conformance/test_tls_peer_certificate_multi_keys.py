"""Port of test/parallel/test-tls-peer-certificate-multi-keys.js (Node v20).

A certificate whose subject has the OU attribute three times: getPeerCertificate()
gives subject.OU as a list of the three, in order.  (Node's multi-alice.crt is
regenerated with openssl.)
"""

from __future__ import annotations

from pathlib import Path

from pynet import run, tls
from tests.conformance._tls_fixtures import _openssl, needs_openssl

pytestmark = needs_openssl


def self_signed(d: Path, subject: str) -> dict[str, str]:
    _openssl(d, "req", "-x509", "-utf8", "-newkey", "rsa:2048", "-nodes", "-keyout", "k.pem",
             "-out", "c.pem", "-days", "30", "-subj", subject)
    return {"key": (d / "k.pem").read_text(), "cert": (d / "c.pem").read_text()}


def test_peer_certificate_multi_keys(checker, tmp_path):
    options = self_signed(tmp_path, "/C=US/ST=CA/L=SF/O=Node.js/OU=Information Technology"
                                    "/OU=Engineering/OU=Marketing/CN=alice")
    ends = []

    def on_secure(cleartext):
        ends.append(cleartext)
        cleartext.end("World")

    server = tls.Server(options, on_secure)

    def on_listening():
        def on_connect():
            peer_cert = socket.getPeerCertificate()
            assert peer_cert["subject"]["OU"] == ["Information Technology", "Engineering",
                                                  "Marketing"]
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
