"""Port of test/parallel/test-net-eaddrinuse.js (Node v20).

A second server listening on a port already in use gets an 'error' whose message mentions
EADDRINUSE.
"""

from __future__ import annotations

import pytest

from pynet import net, run

pytestmark = pytest.mark.timeout(10)


def test_eaddrinuse(checker):
    server1 = net.createServer(lambda socket: None)
    server2 = net.createServer(lambda socket: None)

    def on_listening():
        def on_error(error):
            assert "EADDRINUSE" in str(error)
            assert error.code == "EADDRINUSE"
            server1.close()

        server2.on("error", checker.must_call(on_error))
        server2.listen(server1.address().port)

    server1.listen(0, checker.must_call(on_listening))
    run()


def test_eaddrinuse_error_fields(checker):
    # Not in the original, which only looks for EADDRINUSE in the message: the rest of the
    # error as Node v20 reports it (research appendix, checked with node).
    server1 = net.createServer()
    server2 = net.createServer()
    seen = []

    def on_listening():
        server2.on("error", checker.must_call(lambda error: (seen.append(error),
                                                             server1.close())))
        server2.listen(server1.address().port)

    server1.listen(0, checker.must_call(on_listening))
    run()
    (error,) = seen
    assert error.code == "EADDRINUSE"
    assert error.syscall == "listen"
    assert error.address == "::"
    assert str(error) == f"listen EADDRINUSE: address already in use :::{error.port}"
