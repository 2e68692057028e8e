"""Port of test/parallel/test-net-server-listen-options-signal.js (Node v20).

listen({signal}): a value that is not an AbortSignal throws ERR_INVALID_ARG_TYPE;
aborting the signal (after listen, or before it) closes the server ('close').
"""

from __future__ import annotations

import pytest

from pynet import errors, net, run
from pynet.abort import AbortController, AbortSignal
from pynet.timers import clearTimeout, setTimeout
from tests.conformance.common import assert_node_error


def bounded(server, failures):
    """Close the server if the signal did not (a bug), so that run() returns."""
    def give_up():
        failures.append("the signal did not close the server")
        server.close()

    guard = setTimeout(give_up, 1000)
    server.on("close", lambda: clearTimeout(guard))


def test_bad_signal_throws(checker):
    server = net.createServer()
    try:
        with pytest.raises(errors.NodeError) as info:
            server.listen({"port": 0, "signal": "INVALID_SIGNAL"})
    finally:
        server.close()  # Only does something if listen() did not throw.
        run()
    assert_node_error(info.value, "ERR_INVALID_ARG_TYPE", "TypeError")


def test_abort_closes_server(checker):
    failures = []
    server = net.createServer()
    controller = AbortController()
    server.on("close", checker.must_call(lambda: None))
    server.listen({"port": 0, "signal": controller.signal})
    bounded(server, failures)
    controller.abort()
    run()
    assert not failures


def test_pre_aborted_signal_closes_server(checker):
    failures = []
    server = net.createServer()
    signal = AbortSignal.abort()
    server.on("close", checker.must_call(lambda: None))
    server.listen({"port": 0, "signal": signal})
    bounded(server, failures)
    run()
    assert not failures
