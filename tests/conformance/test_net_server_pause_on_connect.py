"""Port of test/parallel/test-net-server-pause-on-connect.js (Node v20).

With pauseOnConnect the accepted socket reads nothing (bytesRead 0) until resume();
without it data flows at once.
"""

from __future__ import annotations

from pynet import net, run

MSG = "test"


def test_pause_on_connect(checker):
    state = {"stopped": True, "sock1": None}

    def server1_conn_handler(socket):
        def on_data(data):
            assert not state["stopped"], "data event should not have happened yet"
            assert data.decode() == MSG
            socket.end()
            server1.close()

        socket.on("data", checker.must_call(on_data))
        state["sock1"] = socket

    server1 = net.createServer({"pauseOnConnect": True}, server1_conn_handler)

    def server2_conn_handler(socket):
        def on_data(data):
            assert data.decode() == MSG
            socket.end()
            server2.close()
            assert state["sock1"].bytesRead == 0
            state["sock1"].resume()
            state["stopped"] = False

        socket.on("data", checker.must_call(on_data))

    server2 = net.createServer({"pauseOnConnect": False}, server2_conn_handler)

    def on_listening1():
        def client_handler(*args):
            server2.listen(0, lambda: net.createConnection(
                {"port": server2.address().port}).write(MSG))

        net.createConnection({"port": server1.address().port}).write(
            MSG, checker.must_call(client_handler))

    server1.listen(0, on_listening1)
    run()
    assert state["stopped"] is False
