"""Port of test/parallel/test-dgram-send-cb-quelches-error.js (Node v20).

A failed lookup goes to the send callback when there is one (no 'error'), and
is emitted as 'error' when there is none.  (Node empties the DNS servers; the
``lookup`` option fails the same way here, with no network needed.)
"""

from __future__ import annotations

from pynet import dgram, dns, net, run
from tests.conformance.common import error_lookup_mock

fail = error_lookup_mock()


def lookup(host, family, callback) -> None:
    """Addresses resolve (the implicit bind's 0.0.0.0); names fail, as with no DNS server."""
    if net.isIP(host):
        dns.lookup(host, family, callback)
    else:
        fail(host, family, callback)


def test_send_cb_quelches_error(checker) -> None:
    socket = dgram.createSocket({"type": "udp4", "lookup": lookup})
    buffer = b"gary busey"

    def on_event(err) -> None:
        raise AssertionError(f"Error should not be emitted if there is callback: {err}")

    def on_error(err) -> None:
        assert err
        socket.close()

    def callback_only(err) -> None:
        assert err
        socket.removeListener("error", on_event)
        socket.on("error", checker.must_call(on_error))
        socket.send(buffer, 0, len(buffer), 100, "dne.invalid")

    socket.once("error", on_event)
    socket.send(buffer, 0, len(buffer), 100, "dne.example.com", checker.must_call(callback_only))
    run()
