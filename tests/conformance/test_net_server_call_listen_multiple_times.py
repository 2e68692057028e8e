"""Port of test/parallel/test-net-server-call-listen-multiple-times.js (Node v20).

listen() again after an EADDRINUSE 'error' works; listen() while listening throws
ERR_SERVER_ALREADY_LISTEN; listen() again after close() works.
"""

from __future__ import annotations

import pytest

from pynet import errors, net, run
from tests.conformance.common import assert_node_error


def test_listen_right_after_error(checker):
    dummy_server = net.Server()
    server = net.Server()

    # Run some server in order to get EADDRINUSE, then try its port.
    dummy_server.listen(checker.must_call(
        lambda: server.listen(dummy_server.address().port)))

    def on_error(e):
        def on_listening():
            dummy_server.close()
            server.close()

        server.listen(checker.must_call(on_listening))

    server.on("error", checker.must_call(on_error))
    run()


def test_second_listen_throws(checker):
    server = net.Server()
    server.listen(checker.must_call(lambda: server.close()))
    with pytest.raises(errors.ERR_SERVER_ALREADY_LISTEN) as info:
        server.listen()
    assert_node_error(info.value, "ERR_SERVER_ALREADY_LISTEN", "Error")
    assert str(info.value) == "Listen method has been called more than once without closing."
    run()


def test_listen_after_close(checker):
    server = net.Server()

    def on_listening():
        server.close()
        server.listen(checker.must_call(lambda: server.close()))

    server.listen(checker.must_call(on_listening))
    run()
