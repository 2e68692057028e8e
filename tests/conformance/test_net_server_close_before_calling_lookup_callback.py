"""Port of test/parallel/test-net-server-close-before-calling-lookup-callback.js (Node v20).

listen(0, 'localhost') then close() before the lookup answers: the listen callback never
runs, no server is created, and the loop ends.

Not in the v20 suite, but the installed node v20 behaves so: 'close' is emitted once, the
callback never runs and the process exits at once.
"""

from __future__ import annotations

from pynet import net, run


def test_close_before_lookup_answers(checker):
    server = net.createServer()
    # Node: .listen(0, 'localhost', common.mustNotCall()).close().  The callback only
    # records, so that a failure here does not leave a listening server behind.
    called = []
    server.listen(0, "localhost", lambda: called.append(server.address())).close()
    server.on("close", checker.must_call(lambda: None))

    # Bound the test: if a server got created after all, close it so run() returns.
    server.on("listening", lambda: server.close())
    run()
    assert called == [], f"the listen callback ran and a server was created: {called}"
    assert server.listening is False
