"""Port of test/parallel/test-net-server-unref.js (Node v20).

listen(0) then unref(): the listening server does not keep the loop alive.
"""

from __future__ import annotations

import time

from pynet import net, run
from pynet.timers import clearTimeout, setTimeout


def test_unref_after_listen(checker):
    s = net.createServer()
    s.listen(0)
    s.unref()
    timer = setTimeout(checker.must_not_call("the server kept the loop alive"), 1000)
    timer.unref()
    start = time.monotonic()
    run()
    assert time.monotonic() - start < 0.9
    assert s.listening  # run() returned with the server still listening.
    # Node's process just exits; the port cleans up so that nothing leaks.
    clearTimeout(timer)
    s.close()
    run()
