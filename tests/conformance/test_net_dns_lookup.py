"""Port of test/parallel/test-net-dns-lookup.js (Node v20).

Connecting to 'localhost' emits 'lookup' (null, 127.0.0.1 or ::1, 4 or 6, 'localhost').
"""

from __future__ import annotations

import pytest

from pynet import net, run

pytestmark = pytest.mark.timeout(10)


def test_dns_lookup(checker):
    def on_connection(client):
        client.end()
        server.close()

    server = net.createServer(on_connection)

    def on_lookup(err, ip, type_, host):
        assert err is None
        # With autoSelectFamily each resolved address is reported; localhost may be ::1 too.
        assert (ip, type_) in (("127.0.0.1", 4), ("::1", 6))
        assert host == "localhost"

    def on_listening():
        net.connect(server.address().port, "localhost").on(
            "lookup", checker.must_call_at_least(on_lookup))

    server.listen(0, "127.0.0.1", checker.must_call(on_listening))
    run()
