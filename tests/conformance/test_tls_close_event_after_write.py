"""Port of test/parallel/test-tls-close-event-after-write.js (Node v20).

A server socket that end()s with 1 MiB still emits 'close' once the client, having read
it all, ends (Node issue 24984).
"""

from __future__ import annotations

from pynet import run, tls
from tests.conformance._tls_fixtures import agent1, certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl

BUFFER_SIZE = 1024 * 1024


def test_close_event_after_write(checker, certs):  # noqa: F811
    conns = {"c": None, "s": None}
    read = [0]

    def test():
        if conns["c"] is not None and conns["s"] is not None:
            conns["c"].resume()
            conns["s"].resume()
            conns["s"].end(bytes(BUFFER_SIZE))

    def on_connection(c):
        c.on("close", checker.must_call(lambda: server.close()))
        conns["s"] = c
        test()

    server = tls.createServer(agent1(certs), checker.must_call(on_connection))

    def on_listening():
        def on_secure():
            conns["c"] = client

            def on_data(d):
                read[0] += len(d)
                if read[0] == BUFFER_SIZE:
                    client.end()

            client.on("data", on_data)
            test()

        client = tls.connect(server.address().port, {"rejectUnauthorized": False},
                             checker.must_call(on_secure))

    server.listen(0, checker.must_call(on_listening))
    run()
