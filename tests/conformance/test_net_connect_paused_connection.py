"""Port of test/parallel/test-net-connect-paused-connection.js (Node v20).

A paused client connected to an unref'd server (with an unref'd connection) does not keep the
loop alive; a 1 s unref'd timer that would fail the test never fires.
"""

from __future__ import annotations

import threading
import time

import pytest

import pynet
from pynet import net, run
from pynet.timers import clearTimeout, setTimeout

pytestmark = pytest.mark.timeout(10)


def test_connect_paused_connection(checker):
    conns = []
    clients = []
    timers = []

    def on_connection(conn):
        conns.append(conn)
        conn.unref()

    server = net.createServer(on_connection)

    def on_listening():
        clients.append(net.connect(server.address().port, "localhost").pause())
        timers.append(setTimeout(checker.must_not_call("expected to exit"), 1000).unref())

    server.listen(0, checker.must_call(on_listening)).unref()

    # Bound the test: if the loop does not exit by itself, tear everything down from here.
    fired = []

    def teardown():
        fired.append(True)
        for s in clients + conns:
            s.destroy()
        server.close()

    watchdog = threading.Timer(3.0, pynet.callFromThread, (teardown,))
    watchdog.start()
    started = time.monotonic()
    try:
        run()
    finally:
        watchdog.cancel()
        watchdog.join()
    assert not fired, "the loop did not exit: a paused client kept it alive"
    assert time.monotonic() - started < 1.0

    # Node exits here with everything still open; Python must close what it opened.
    for t in timers:
        clearTimeout(t)
    for s in clients + conns:
        s.destroy()
    server.close()
    run()
