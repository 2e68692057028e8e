"""Port of test/parallel/test-net-dns-lookup-skip.js (Node v20).

Connecting to an IP literal (127.0.0.1, ::1) skips the resolver: no 'lookup' event.
"""

from __future__ import annotations

import pytest

from pynet import net, run

pytestmark = pytest.mark.timeout(10)


@pytest.mark.parametrize("address_type", [4, 6])
def test_dns_lookup_skip(checker, address_type):
    def on_connection(client):
        client.end()
        server.close()

    server = net.createServer(checker.must_call(on_connection))
    address = "127.0.0.1" if address_type == 4 else "::1"

    def on_listening():
        net.connect(server.address().port, address).on("lookup", checker.must_not_call())

    server.listen(0, address, checker.must_call(on_listening))
    run()
