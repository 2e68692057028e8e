"""Port of test/parallel/test-dgram-ipv6only.js (Node v20).

With ipv6Only a udp6 socket on :: leaves the same IPv4 port free.
"""

from __future__ import annotations

from pynet import dgram, run


def test_ipv6only(checker) -> None:
    socket = dgram.createSocket({"type": "udp6", "ipv6Only": True})

    def on_bound() -> None:
        port = socket.address().port
        client = dgram.createSocket("udp4")

        def on_client() -> None:
            client.close()
            socket.close()

        client.bind({"port": port, "address": "0.0.0.0"}, checker.must_call(on_client))
        client.on("error", checker.must_not_call())

    socket.bind({"port": 0, "address": "::"}, checker.must_call(on_bound))
    run()
