"""Port of test/parallel/test-net-pause-resume-connecting.js (Node v20).

pause()/resume() called before the connection is made: the last call decides whether 'data'
flows (clients 1, 2, 4 get data; 3 and 5 do not until resumed 100 ms later).
"""

from __future__ import annotations

import pytest

from pynet import net, run
from pynet.timers import setTimeout

pytestmark = pytest.mark.timeout(10)


def test_pause_resume_connecting(checker):
    connections = 0
    data_events = 0

    def on_connection(conn):
        nonlocal connections
        connections += 1
        conn.end("This was the year he fell to pieces.")
        if connections == 5:
            server.close()

    server = net.createServer(on_connection)

    def on_data_ok(chunk):
        nonlocal data_events
        data_events += 1

    def schedule_tear_down(conn):
        def tear_down():
            conn.removeAllListeners("data")
            conn.resume()

        setTimeout(tear_down, 100)

    def on_listening():
        port = server.address().port

        # Client 1
        conn = net.createConnection(port, "localhost")
        conn.resume()
        conn.on("data", on_data_ok)

        # Client 2
        conn = net.createConnection(port, "localhost")
        conn.pause()
        conn.resume()
        conn.on("data", on_data_ok)

        # Client 3
        conn = net.createConnection(port, "localhost")
        conn.pause()
        conn.on("data", checker.must_not_call())
        schedule_tear_down(conn)

        # Client 4
        conn = net.createConnection(port, "localhost")
        conn.resume()
        conn.pause()
        conn.resume()
        conn.on("data", on_data_ok)

        # Client 5
        conn = net.createConnection(port, "localhost")
        conn.resume()
        conn.resume()
        conn.pause()
        conn.on("data", checker.must_not_call())
        schedule_tear_down(conn)

    server.listen(0, checker.must_call(on_listening))
    run()
    assert connections == 5
    assert data_events == 3
