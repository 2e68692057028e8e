"""Port of test/parallel/test-net-server-drop-connections.js (Node v20).

Past maxConnections the server emits 'drop' with the dropped connection's local and
remote address, port and family.  (The newer suite also has maxConnections = 0 dropping
everything; Node v20 treats 0 as "no limit", so that part is not in this port.)
"""

from __future__ import annotations

from pynet import net, run


def test_drop_event_past_max_connections(checker):
    first = []

    server = net.createServer(checker.must_call(lambda socket: first.append(socket)))
    server.maxConnections = 1

    def on_drop(data):
        assert bool(data.localAddress) is True
        assert bool(data.localPort) is True
        assert bool(data.remoteAddress) is True
        assert bool(data.remotePort) is True
        assert bool(data.remoteFamily) is True
        # Not in Node's file; the payload's keys on the installed node v20:
        assert list(data.keys()) == ["localAddress", "localPort", "localFamily",
                                     "remoteAddress", "remotePort", "remoteFamily"]
        first[0].destroy()
        server.close()

    server.on("drop", checker.must_call(on_drop))

    def on_listening():
        net.createConnection(server.address().port)
        net.createConnection(server.address().port)

    server.listen(0, on_listening)
    run()
