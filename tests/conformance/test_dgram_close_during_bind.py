"""Port of test/parallel/test-dgram-close-during-bind.js (Node v20).

Closing the socket while bind() is resolving its address: the bind never happens
and the bind callback is not called.  (Node swaps the internal handle's lookup;
the ``lookup`` option gives the same hook.)
"""

from __future__ import annotations

from pynet import dgram, dns, run


def test_close_during_bind(checker) -> None:
    socket: dgram.Socket

    def lookup(address, family, callback) -> None:
        socket.close(checker.must_call(lambda: dns.lookup(address, family, callback)))

    socket = dgram.createSocket({"type": "udp4", "lookup": checker.must_call(lookup)})
    socket.on("listening", checker.must_not_call("Socket should not bind."))
    socket.bind(checker.must_not_call("Socket should not bind."))
    run()
