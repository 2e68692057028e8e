"""Port of test/parallel/test-net-server-blocklist.js (Node v20).

A connection from an address in the server's `blockList` is closed without a
'connection' event; the client just sees 'close'.

The file is not in Node v20's suite: Node v20 ignores the `blockList` option (the
connection is accepted).  pynet implements the Node 22 option as an addition, so this
port checks the newer suite's behaviour.
"""

from __future__ import annotations

from pynet import net, run


def test_blocked_client_gets_no_connection(checker):
    block_list = net.BlockList()
    block_list.addAddress("127.0.0.1")

    server = net.createServer({"blockList": block_list}, checker.must_not_call("connection"))

    def on_listening():
        address = server.address()
        socket = net.connect({"localAddress": "127.0.0.1", "host": address.address,
                              "port": address.port})
        socket.on("close", checker.must_call(lambda: server.close()))

    server.listen(0, "127.0.0.1", checker.must_call(on_listening))
    run()
