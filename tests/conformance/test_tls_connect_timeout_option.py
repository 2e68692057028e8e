"""Port of test/parallel/test-tls-connect-timeout-option.js (Node v20).

tls.connect() honours the timeout option on the socket it creates.
"""

from __future__ import annotations

from pynet import run, tls


def test_connect_timeout_option(checker):
    socket = tls.connect({"port": 42, "lookup": lambda *a: None, "timeout": 1000})
    assert socket.timeout == 1000
    socket.destroy()
    run()
