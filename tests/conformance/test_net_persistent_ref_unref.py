"""Port of test/parallel/test-net-persistent-ref-unref.js (Node v20).

unref() then ref() before connect() are both applied once connected: the socket ends up ref'd.

Node spies on the TCP wrap's ref/unref (--expose-internals) and checks the net count
is 0.  This port checks the same thing through its effect: once the server and the
accepted socket are unref'd, only the client keeps the loop alive until the server's
(unref'd) delayed reply arrives.
"""

from __future__ import annotations

from pynet import net, run
from pynet.timers import setTimeout


def test_unref_then_ref_before_connect_leaves_the_socket_refd(checker):
    conns = []

    def on_connection(conn):
        conns.append(conn)
        conn.unref()
        echo_server.unref()
        setTimeout(checker.must_call(lambda: conn.end("bye")), 200).unref()

    echo_server = net.createServer(checker.must_call(on_connection))
    echo_server.listen(0)

    def on_listening():
        sock = net.Socket()
        assert sock.unref() is sock
        assert sock.ref() is sock
        sock.connect(echo_server.address().port)
        sock.on("data", checker.must_call(lambda data: None))

        def on_end():
            # Let the accepted socket finish its close (the port must not leak it).
            conns[0].ref()
            echo_server.close()

        sock.on("end", checker.must_call(on_end))

    echo_server.on("listening", checker.must_call(on_listening))
    run()
