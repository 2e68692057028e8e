"""Port of test/parallel/test-net-error-twice.js (Node v20).

The client is destroyed while the server writes 10 MiB to it: the server socket emits exactly
one 'error' (never the same error twice).
"""

from __future__ import annotations

import pytest

from pynet import net, run

pytestmark = pytest.mark.timeout(15)


def test_error_twice(checker):
    buf = b"\x62" * (10 * 1024 * 1024)
    errs = []
    sockets = {}

    def ready():
        if "client" in sockets and "server" in sockets:
            sockets["client"].destroy()
            sockets["server"].write(buf)

    def on_connection(conn):
        def on_error(err):
            errs.append(err)
            if len(errs) > 1 and errs[0] is errs[1]:
                raise AssertionError("We should not be emitting the same error twice")

        conn.on("error", on_error)
        conn.on("close", lambda: srv.unref())
        sockets["server"] = conn
        ready()

    srv = net.createServer(on_connection)

    def on_listening():
        client = net.connect({"port": srv.address().port})

        def on_connect():
            sockets["client"] = client
            ready()

        client.on("connect", on_connect)

    srv.listen(0, on_listening)
    run()
    assert len(errs) == 1, errs
    assert errs[0].code in ("EPIPE", "ECONNRESET"), errs
    # Node exits with the unref'd server still listening; close it here.
    srv.close()
    run()
