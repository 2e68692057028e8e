"""Port of test/parallel/test-net-remote-address-port.js (Node v20).

remoteAddress/remoteFamily/remotePort are None before connecting, set at 'connect', and
still readable in 'close'; the server side sees an ephemeral port.
"""

from __future__ import annotations

from pynet import net, run

REMOTE_ADDR_CANDIDATES = ("127.0.0.1", "::1", "::ffff:127.0.0.1")
REMOTE_FAMILY_CANDIDATES = ("IPv4", "IPv6")


def test_remote_address_and_port(checker):
    conns_closed = [0]

    def on_connection(socket):
        assert socket.remoteAddress in REMOTE_ADDR_CANDIDATES, \
            f"Invalid remoteAddress: {socket.remoteAddress}"
        assert socket.remoteFamily in REMOTE_FAMILY_CANDIDATES, \
            f"Invalid remoteFamily: {socket.remoteFamily}"
        assert socket.remotePort
        assert socket.remotePort != server.address().port

        def on_end():
            conns_closed[0] += 1
            if conns_closed[0] == 2:
                server.close()

        socket.on("end", on_end)

        def on_close():
            assert socket.remoteAddress in REMOTE_ADDR_CANDIDATES
            assert socket.remoteFamily in REMOTE_FAMILY_CANDIDATES

        socket.on("close", checker.must_call(on_close))
        socket.resume()

    server = net.createServer(checker.must_call(on_connection, 2))

    def on_listening():
        port = server.address().port
        client = net.createConnection(port, "127.0.0.1")
        client2 = net.createConnection(port)

        for c in (client, client2):
            assert c.remoteAddress is None
            assert c.remoteFamily is None
            assert c.remotePort is None

        def watch(c):
            def on_connect():
                assert c.remoteAddress in REMOTE_ADDR_CANDIDATES
                assert c.remoteFamily in REMOTE_FAMILY_CANDIDATES
                assert c.remotePort == server.address().port
                c.end()

            def on_close():
                assert c.remoteAddress in REMOTE_ADDR_CANDIDATES
                assert c.remoteFamily in REMOTE_FAMILY_CANDIDATES

            c.on("connect", checker.must_call(on_connect))
            c.on("close", checker.must_call(on_close))

        watch(client)
        watch(client2)

    server.listen(0, checker.must_call(on_listening))
    run()
