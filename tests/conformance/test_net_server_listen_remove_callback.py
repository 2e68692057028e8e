"""Port of test/parallel/test-net-server-listen-remove-callback.js (Node v20).

The listen callback is a one-shot 'listening' listener: none is left after each close.
"""

from __future__ import annotations

from pynet import net, run


def test_listen_callback_is_removed(checker):
    server = net.createServer()

    def on_close():
        assert len(server.listeners("listening")) == 0

    # Node: a plain listener; the server closes twice.
    server.on("close", checker.must_call(on_close, 2))
    server.listen(0, checker.must_call(lambda: server.close()))

    def relisten():
        server.listen(0, checker.must_call(lambda: server.close()))

    server.once("close", checker.must_call(relisten))
    run()
