"""Port of test/parallel/test-tls-fast-writing.js (Node v20).

A client writing 1 KiB chunks until write() returns false gets 'drain', and the server
gets 'data' Buffers meanwhile.
"""

from __future__ import annotations

from pynet import run, tls
from tests.conformance._tls_fixtures import agent1, certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl


def test_fast_writing(checker, certs):  # noqa: F811
    state = {"chunk": False, "drain": False}
    conns = []

    def finish():
        conns[0].destroy()
        server.close()

    def on_connection(conn):
        conns.append(conn)

        def on_data(c):
            state["chunk"] = True
            assert len(c) and isinstance(c, bytes)
            if state["drain"] and conns:
                finish()
                conns.clear()

        conn.on("data", on_data)
        conn.on("error", lambda e: None)

    server = tls.createServer(agent1(certs, ca=[certs["ca-cert.pem"]]), on_connection)

    def on_listening():
        chunk = b"x" * 1024

        def write():
            while conn.write(chunk) is not False:
                pass

        def ondrain():
            state["drain"] = True
            if state["chunk"] and conns:
                finish()
                conns.clear()
                return
            write()

        def on_secure():
            conn.on("drain", ondrain)
            write()

        conn = tls.connect({"port": server.address().port, "rejectUnauthorized": False},
                           checker.must_call(on_secure))
        conn.on("error", lambda e: None)
        conn.on("close", checker.must_call(lambda: None))

    server.listen(0, on_listening)
    run()
    assert state == {"chunk": True, "drain": True}
