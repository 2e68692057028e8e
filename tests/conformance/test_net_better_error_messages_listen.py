"""Port of test/parallel/test-net-better-error-messages-listen.js (Node v20).

listen(1, '1.1.1.1') (not a local address) emits 'error' with address, port and syscall.
"""

from __future__ import annotations

from pynet import net, run


def test_listen_error_has_address_port_syscall(checker) -> None:
    server = net.createServer(checker.must_not_call())
    server.listen(1, "1.1.1.1", checker.must_not_call())

    def on_error(e) -> None:
        assert e.address == "1.1.1.1"
        assert e.port == 1
        assert e.syscall == "listen"

    server.on("error", checker.must_call(on_error))
    run()
