"""Port of test/parallel/test-net-server-try-ports.js (Node v20).

After EADDRINUSE on a used port, the same server can listen(0).
"""

from __future__ import annotations

from pynet import net, run


def test_listen_again_after_eaddrinuse(checker):
    server1 = net.Server()
    server2 = net.Server()

    def on_error(e):
        assert e.code == "EADDRINUSE"

        def on_listening():
            server1.close()
            server2.close()

        server2.listen(0, checker.must_call(on_listening))

    server2.on("error", checker.must_call(on_error))
    # This makes server2 emit EADDRINUSE.
    server1.listen(0, checker.must_call(lambda: server2.listen(server1.address().port)))
    run()
