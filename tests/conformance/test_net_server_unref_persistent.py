"""Port of test/parallel/test-net-server-unref-persistent.js (Node v20).

unref() before listen() persists: the listening server does not keep the loop alive.
"""

from __future__ import annotations

import time

from pynet import net, run
from pynet.timers import clearTimeout, setTimeout


def test_unref_before_listen_persists(checker):
    server = net.createServer()
    # unref before listening.
    server.unref()
    server.listen()
    # If this fires, the server held the loop open: unref() was not persistent.
    timer = setTimeout(checker.must_not_call("the server kept the loop alive"), 1000)
    timer.unref()
    start = time.monotonic()
    run()
    assert time.monotonic() - start < 0.9
    assert server.listening  # run() returned with the server still listening.
    # Node's process just exits; the port cleans up so that nothing leaks.
    clearTimeout(timer)
    server.close()
    run()
