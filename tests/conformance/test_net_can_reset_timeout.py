"""Port of test/parallel/test-net-can-reset-timeout.js (Node v20).

'timeout' only notifies: writing from its handler is allowed and the conversation completes.
"""

from __future__ import annotations

from pynet import net, run


def test_write_in_timeout_handler(checker) -> None:
    def on_connection(stream) -> None:
        stream.setTimeout(100)
        stream.resume()
        # Try to reset the timeout.
        stream.once("timeout", checker.must_call(lambda: stream.write("WHAT.")))
        stream.on("end", checker.must_call(lambda: stream.end()))

    server = net.createServer(checker.must_call(on_connection))

    def on_listening() -> None:
        c = net.createConnection(server.address().port)
        c.on("data", lambda _chunk: c.end())
        c.on("end", checker.must_call(lambda: server.close()))

    server.listen(0, checker.must_call(on_listening))
    run()
