"""Port of test/parallel/test-dgram-close-signal.js (Node v20).

A non-AbortSignal 'signal' throws ERR_INVALID_ARG_TYPE; aborting (or an already
aborted signal) closes the socket.
"""

from __future__ import annotations

import pytest

from pynet import dgram, errors, run
from pynet.abort import AbortController, AbortSignal


def test_bad_signal() -> None:
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
        dgram.createSocket({"type": "udp4", "signal": {}})
    assert isinstance(info.value, TypeError)


def test_close_on_abort(checker) -> None:
    controller = AbortController()
    server = dgram.createSocket({"type": "udp4", "signal": controller.signal})
    server.on("close", checker.must_call())
    controller.abort()
    run()


def test_close_with_aborted_signal(checker) -> None:
    server = dgram.createSocket({"type": "udp4", "signal": AbortSignal.abort()})
    server.on("close", checker.must_call())
    run()
